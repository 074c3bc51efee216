using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// Every length from 0 to <see cref="MaxLength"/> on every kernel family, so each width's full-vector loop, its
/// overlapping last vector and every drop to a narrower width run; see <see cref="LossCase.ForLength"/>.
/// </summary>
public sealed class LossLengthTests
{
    /// <summary>Covers several 512-bit vectors plus every remainder.</summary>
    public const int MaxLength = 300;

    public static TheoryData<LossKind, SimdPath> KindsAndPaths
    {
        get
        {
            var data = new TheoryData<LossKind, SimdPath>();
            foreach (var kind in Enum.GetValues<LossKind>())
                foreach (var path in SimdPaths.All) data.Add(kind, path);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndPaths))]
    public void Every_length_matches_the_reference(LossKind kind, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        for (int length = 0; length <= MaxLength; length++)
        {
            LossProblem.Check(LossCase.ForLength(kind, path, length));
        }
    }
}
