using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// <c>GemmOuter</c> copies op(A)'s column out of the 4 KB window just after C's first row (where each row's load of it
/// would wait for the previous rows' stores) before running. Wherever the column lies relative to C, in the window
/// or not, contiguous or strided, on whole or split row ranges, C must get the same bits, and nothing past C's
/// rows may be written.
/// </summary>
public sealed class GemmOuterPlacementTests
{
    /// <summary>Byte distances of op(A)'s column after C's first row, modulo 4 KB: window edges, inside and outside.</summary>
    private static readonly int[] s_distances = [0, 4, 60, 256, 508, 512, 2048, 4096 - 128, 4096 - 124, 4096 - 4];

    [Theory]
    [InlineData(SimdPath.Avx512)]
    [InlineData(SimdPath.Avx2)]
    public void Placement_of_op_A_never_changes_C(SimdPath path)
    {
        SimdPaths.SkipUnlessAccelerated(path);
        var cases =
            from m in Gen.Frequency((2, Gen.Choose(1, 40)), (2, Gen.Choose(41, 300)))
            from n in Gen.Frequency((2, Gen.Elements(64, 127, 128, 129, 256, 257)), (1, Gen.Choose(1, 300)))
            from aStride in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(2, 5)))
            from padC in EdgeGen.Padding(8)
            from alpha in EdgeGen.Scalar()
            from beta in EdgeGen.Scalar()
            from seed in EdgeGen.Seed()
            select (m, n, aStride, padC, alpha, beta, seed);
        Prop.ForAll(cases.ToArbitrary(), x => Check(path, x.m, x.n, x.aStride, x.padC, x.alpha, x.beta, x.seed))
            .QuickCheckThrowOnFailure();
    }

    private static unsafe void Check(SimdPath path, int m, int n, int aStride, int padC, float alpha, float beta, int seed)
    {
        var random = new Random(seed);
        int ldc = n + padC;
        float[] column = new float[m], bRow = new float[n], cInitial = new float[m * ldc];
        for (int i = 0; i < m; i++) column[i] = random.NextSingle() * 2 - 1;
        for (int j = 0; j < n; j++) bRow[j] = random.NextSingle() * 2 - 1;
        for (int i = 0; i < cInitial.Length; i++) cInitial[i] = i % ldc >= n ? -7f : beta == 0 ? float.NaN : random.NextSingle();

        // One pinned 4 KB-aligned arena: C first, op(A)'s column at each distance after C's start (mod 4 KB).
        int cFloats = m * ldc, span = (m - 1) * aStride + 1;
        var arena = GC.AllocateArray<float>(1024 + cFloats + 2048 + span * 1 + 1024, pinned: true);
        fixed (float* p0 = arena)
        {
            float* c = (float*)(((nint)p0 + 4095) & ~(nint)4095);
            float[]? expected = null;
            int split = m * (seed % 7 + 1) / 8;
            foreach (int distance in s_distances)
            {
                nint cEnd = (nint)(c + cFloats);
                float* a = (float*)(((cEnd + 4095) & ~(nint)4095) + distance);
                for (int i = 0; i < m; i++) a[i * aStride] = column[i];
                new Span<float>(cInitial).CopyTo(new Span<float>(c, cFloats));
                var matA = new StridedMatrix(a, aStride, 1);
                fixed (float* pb = bRow)
                {
                    var matB = new StridedMatrix(pb, n, 1);
                    var matC = new StridedMatrix(c, ldc, 1);
                    foreach (var (i0, i1) in new[] { (0, split), (split, m) })
                    {
                        if (i0 >= i1) continue;
                        if (path == SimdPath.Avx512)
                            GemmOuter<Vector512<float>, Vector512Ops>.Run(i0, i1, n, alpha, matA, matB, beta, matC);
                        else
                            GemmOuter<Vector256<float>, Vector256Ops>.Run(i0, i1, n, alpha, matA, matB, beta, matC);
                    }
                }

                var result = new Span<float>(c, cFloats).ToArray();
                for (int i = 0; i < m; i++)
                {
                    for (int j = n; j < ldc; j++) Assert.True(result[i * ldc + j] == -7f, $"padding C[{i},{j}] written (distance {distance})");
                    for (int j = 0; j < n; j++)
                    {
                        // Every element is one product (plus beta·C): the scalar formula gives its exact bits.
                        float want = alpha * column[i] * bRow[j];
                        if (beta != 0) want = MathF.FusedMultiplyAdd(beta, cInitial[i * ldc + j], want);
                        Assert.True(Tolerance.FirstBitMismatch([result[i * ldc + j]], [want]) < 0,
                            $"m={m} n={n} aStride={aStride} distance={distance}: C[{i},{j}] = {result[i * ldc + j]}, expected {want}");
                    }
                }

                expected ??= result;
                Assert.True(Tolerance.FirstBitMismatch(result, expected) < 0, $"distance {distance} changed C");
            }
        }
    }
}
