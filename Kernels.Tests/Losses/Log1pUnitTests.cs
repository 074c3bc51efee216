using System.Globalization;
using System.Runtime.Intrinsics;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>
/// The softplus helper ln(1 + x) on [0, 1], in every width, against double: a dense sweep, the ends and subnormals.
/// </summary>
public sealed class Log1pUnitTests
{
    /// <summary>A few roundings (see <see cref="Log1pUnit"/>), within 2.5·2⁻²³ relative.</summary>
    private const double MaxRelative = 2.5 / (1 << 23);

    [Theory]
    [MemberData(nameof(SimdPaths.AllPaths), MemberType = typeof(SimdPaths))]
    public void Ln_1_plus_x_is_accurate_on_the_unit_interval(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        // A dense sweep, then one vector's worth of edge cases, so every width covers every element.
        const int Points = 1 << 16;
        float[] edges = [0f, 1f, float.Epsilon, 1e-40f, 1e-30f, 1e-8f, 1e-4f, 0.999999f, 0.5f, 1f / 3];
        var x = new float[Points + 16];
        for (int i = 0; i < Points; i++) x[i] = (float)i / Points;
        edges.CopyTo(x, Points);
        var y = new float[x.Length];
        Apply(path, x, y);

        for (int i = 0; i < x.Length; i++)
        {
            double expected = LossReference.Log1p(x[i]);
            double error = Math.Abs(y[i] - expected);
            Assert.True(error <= MaxRelative * expected || error <= float.Epsilon, string.Create(
                CultureInfo.InvariantCulture, $"{path}: ln(1 + {x[i]:R}) = {Tolerance.Describe(y[i])}, expected {expected:R}"));
        }
    }

    private static void Apply(SimdPath path, float[] x, float[] y)
    {
        int width = path switch { SimdPath.Avx512 => 16, SimdPath.Avx2 => 8, SimdPath.Vector128 => 4, _ => 1 };
        for (int i = 0; i + width <= x.Length; i += width)
        {
            ref float source = ref x[i];
            ref float destination = ref y[i];
            switch (width)
            {
                case 16:
                    var v16 = Log1pUnit.Invoke<LossVector512, Vector512<double>>(LossVector512.Load(ref source, 0));
                    LossVector512.Store(v16, ref destination, 0);
                    break;
                case 8:
                    var v8 = Log1pUnit.Invoke<LossVector256, Vector256<double>>(LossVector256.Load(ref source, 0));
                    LossVector256.Store(v8, ref destination, 0);
                    break;
                case 4:
                    var v4 = Log1pUnit.Invoke<LossVector128, Vector128<double>>(LossVector128.Load(ref source, 0));
                    LossVector128.Store(v4, ref destination, 0);
                    break;
                default:
                    LossScalar.Store(Log1pUnit.Invoke<LossScalar, double>(LossScalar.Load(ref source, 0)), ref destination, 0);
                    break;
            }
        }
    }
}
