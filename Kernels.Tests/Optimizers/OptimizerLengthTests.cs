using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Every length from 0 to <see cref="OptimizerCase.MaxLength"/> for every rule on every kernel family, so each
/// width's loop, its overlapping last vector and every drop to a narrower width run.
/// </summary>
public sealed class OptimizerLengthTests
{
    public static TheoryData<UpdateKind, SimdPath> KindsAndPaths
    {
        get
        {
            var data = new TheoryData<UpdateKind, SimdPath>();
            foreach (var kind in Enum.GetValues<UpdateKind>())
                foreach (var path in SimdPaths.All) data.Add(kind, path);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndPaths))]
    public void Every_length_matches_the_reference_and_the_scalar_path(UpdateKind kind, SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        for (int length = 0; length <= OptimizerCase.MaxLength; length++)
        {
            OptimizerProblem.Check(OptimizerCase.ForLength(kind, path, length));
        }
    }
}
