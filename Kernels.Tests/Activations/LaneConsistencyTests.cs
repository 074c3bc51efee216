using System.Runtime.Intrinsics;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>
/// The contract the GEMM epilogue relies on: within one process, every accelerated width's lanes give the same bits
/// as the scalar overload, so an element's result never depends on which code path (tile, edge, tail) produced it.
/// </summary>
public class LaneConsistencyTests
{
    private static float[] Inputs()
    {
        float[] random = TestData.Values(4096, seed: 2024, range: 30f);
        return [.. random, .. Elementwise.Ulp.Specials, .. Elementwise.Ulp.Sweep(20)];
    }

    [Theory]
    [MemberData(nameof(Operators.Names), MemberType = typeof(Operators))]
    public void Every_accelerated_width_matches_the_scalar_overload_bit_for_bit(string name)
    {
        Assert.SkipUnless(Vector128.IsHardwareAccelerated, "No accelerated vectors: only the scalar overload runs.");
        Operators.Accept(Operators.ByName(name), new Visitor());
    }

    private sealed class Visitor : IActivationVisitor
    {
        public void Visit<TAct>(TAct op) where TAct : struct, IActivationOperator
        {
            float[] z = Inputs();
            float[] dA = TestData.Values(z.Length, seed: 9, range: 3f);
            float[] forward = z.Select(op.Forward).ToArray();
            float[] backward = z.Select((v, i) => op.Backward(dA[i], v)).ToArray();
            // Scalar overload of GELU, sigmoid and tanh runs the 128-bit code on one lane: also compare it to the vectors.
            Compare<TAct>(z, forward, 4, Vector128.IsHardwareAccelerated, i => Lanes(op.Forward(Vector128.Create(z.AsSpan(i, 4)))),
                "Forward 128");
            Compare<TAct>(z, forward, 8, Vector256.IsHardwareAccelerated, i => Lanes(op.Forward(Vector256.Create(z.AsSpan(i, 8)))),
                "Forward 256");
            Compare<TAct>(z, forward, 16, Vector512.IsHardwareAccelerated, i => Lanes(op.Forward(Vector512.Create(z.AsSpan(i, 16)))),
                "Forward 512");
            Compare<TAct>(z, backward, 4, Vector128.IsHardwareAccelerated,
                i => Lanes(op.Backward(Vector128.Create(dA.AsSpan(i, 4)), Vector128.Create(z.AsSpan(i, 4)))), "Backward 128");
            Compare<TAct>(z, backward, 8, Vector256.IsHardwareAccelerated,
                i => Lanes(op.Backward(Vector256.Create(dA.AsSpan(i, 8)), Vector256.Create(z.AsSpan(i, 8)))), "Backward 256");
            Compare<TAct>(z, backward, 16, Vector512.IsHardwareAccelerated,
                i => Lanes(op.Backward(Vector512.Create(dA.AsSpan(i, 16)), Vector512.Create(z.AsSpan(i, 16)))), "Backward 512");
        }

        private static void Compare<TAct>(float[] z, float[] scalar, int width, bool accelerated, Func<int, float[]> vector, string what)
        {
            if (!accelerated) return;
            for (int i = 0; i + width <= z.Length; i += width)
            {
                float[] lanes = vector(i);
                int k = Tolerance.FirstBitMismatch(scalar.AsSpan(i, width), lanes);
                if (k >= 0)
                {
                    Assert.Fail($"{typeof(TAct).Name} {what}: lane {k} for input {Tolerance.Describe(z[i + k])} is " +
                        $"{Tolerance.Describe(lanes[k])}, scalar gives {Tolerance.Describe(scalar[i + k])}.");
                }
            }
        }
    }

    private static float[] Lanes(Vector128<float> v) { var a = new float[4]; v.CopyTo(a); return a; }

    private static float[] Lanes(Vector256<float> v) { var a = new float[8]; v.CopyTo(a); return a; }

    private static float[] Lanes(Vector512<float> v) { var a = new float[16]; v.CopyTo(a); return a; }

    [Fact]
    public void VectorMath_widths_match_the_scalar_overloads_bit_for_bit()
    {
        Assert.SkipUnless(Vector128.IsHardwareAccelerated, "No accelerated vectors.");
        float[] x = Inputs();
        foreach (var (name, scalar, v128, v256, v512) in new (string, Func<float, float>, Func<Vector128<float>, Vector128<float>>,
                     Func<Vector256<float>, Vector256<float>>, Func<Vector512<float>, Vector512<float>>)[]
                 {
                     ("Exp", VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp),
                     ("Sigmoid", VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid),
                     ("Tanh", VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh),
                 })
        {
            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                float[] expected = x.AsSpan(i, 16).ToArray().Select(scalar).ToArray();
                if (Vector512.IsHardwareAccelerated)
                    Checks.BitEqual(expected, Lanes(v512(Vector512.Create(x.AsSpan(i, 16)))), name + " 512");
                if (Vector256.IsHardwareAccelerated)
                    Checks.BitEqual(expected.AsSpan(0, 8), Lanes(v256(Vector256.Create(x.AsSpan(i, 8)))), name + " 256");
                Checks.BitEqual(expected.AsSpan(0, 4), Lanes(v128(Vector128.Create(x.AsSpan(i, 4)))), name + " 128");
            }
        }
    }
}
