using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>Which entry point a case calls.</summary>
public enum GemmEntry
{
    /// <summary><see cref="Kernels.Gemm.Sgemm"/>: validation, then the family this process picks.</summary>
    Public,

    /// <summary><c>GemmDriver.Run</c> with the family of <see cref="GemmCase.Path"/> forced.</summary>
    Driver,
}

/// <summary>
/// One GEMM test case: shape, transposes, scalars, stride padding, the tail of C's span past its last row, the
/// thread count and the seed of the data. Everything else (A, B, C contents) derives from <see cref="Seed"/>, so a
/// case printed by FsCheck replays exactly.
/// </summary>
/// <remarks>
/// Strides are the stored row length (at least 1) plus the padding. Stride padding and the span tail of C hold
/// a signalling-NaN sentinel that must survive; the padding and guards of A and B hold quiet NaN so any read of
/// them that leaks into C is caught. When beta is 0 the window of C starts as NaN (the contract says C is not read).
/// </remarks>
public sealed record GemmCase(
    GemmEntry Entry, SimdPath Path, Transpose TransA, Transpose TransB, int M, int N, int K, float Alpha, float Beta,
    int PadA = 0, int PadB = 0, int PadC = 0, int TailC = 0, int Dop = 1, int Seed = 12345)
{
    /// <summary>Upper bound of m·n·k for generated cases, so each costs a few milliseconds at most.</summary>
    public const long MaxMacs = 1L << 21;

    /// <summary>Rows and columns of A as stored.</summary>
    public (int Rows, int Cols) AShape => TransA == Transpose.No ? (M, K) : (K, M);

    /// <summary>Rows and columns of B as stored.</summary>
    public (int Rows, int Cols) BShape => TransB == Transpose.No ? (K, N) : (N, K);

    /// <summary>Row stride of A.</summary>
    public int Lda => Math.Max(1, AShape.Cols) + PadA;

    /// <summary>Row stride of B.</summary>
    public int Ldb => Math.Max(1, BShape.Cols) + PadB;

    /// <summary>Row stride of C.</summary>
    public int Ldc => Math.Max(1, N) + PadC;

    /// <inheritdoc/>
    public override string ToString()
    {
        string entry = Entry == GemmEntry.Public ? $"Sgemm[{Path}]" : $"GemmDriver.Run({Path})";
        string opA = TransA == Transpose.No ? "A" : "Aᵀ", opB = TransB == Transpose.No ? "B" : "Bᵀ";
        return string.Create(CultureInfo.InvariantCulture,
            $"{entry} m={M} n={N} k={K}: C = {Alpha:R}·{opA}·{opB} + {Beta:R}·C; " +
            $"transA={TransA} lda={Lda} (pad {PadA}), transB={TransB} ldb={Ldb} (pad {PadB}), " +
            $"ldc={Ldc} (pad {PadC}), C span tail {TailC}, maxDegreeOfParallelism={Dop}, seed={Seed}");
    }

    /// <summary>
    /// Cases for <paramref name="path"/>: sizes weighted to the edges of the blocking of that family's kernels (main and
    /// narrow: MR, 2·MR, NR, 2·NR, 4·NR, MC, KC, 2·KC, each ±1, in both m and n since the driver may compute
    /// Cᵀ = Bᵀ·Aᵀ) and, less often, of every other kernel; all four
    /// transpose combinations; alpha and beta in {0, 1, −1, other}; random stride padding; m·n·k ≤ <see cref="MaxMacs"/>.
    /// </summary>
    public static Gen<GemmCase> Generator(GemmEntry entry, SimdPath path)
    {
        // The family's kernels (main and narrow) give the edges that matter most; every other family's, fewer.
        var own = new[] { MicroKernels.Main(path), MicroKernels.Narrow(path) }.Distinct().Select(MicroKernels.Blocking).ToArray();
        var others = Enum.GetValues<MicroKernelId>().Select(MicroKernels.Blocking).ToArray();
        int[] ownMn = own.SelectMany(b => new[] { b.MR, 2 * b.MR, b.NR, 2 * b.NR, 4 * b.NR, b.MC }).ToArray();
        int[] otherMn = others.SelectMany(b => new[] { b.MR, b.NR, b.MC }).ToArray();
        int[] ownK = own.SelectMany(b => new[] { b.KC, 2 * b.KC }).Concat([4, 8, 16]).ToArray();
        int[] otherK = others.Select(b => b.KC).ToArray();
        int maxMc = own.Max(b => b.MC), maxKc = own.Max(b => b.KC);

        int mMax = Math.Max(300, 2 * maxMc + 2);
        int nMax = Math.Max(520, 2 * maxMc + 2);
        int kMax = Math.Max(300, 2 * maxKc + 2);
        Gen<int> Dim(int max, int[] ownEdges, int[] otherEdges) => Gen.Frequency(
            (4, EdgeGen.Dimension(max, ownEdges)),
            (1, EdgeGen.Dimension(max, otherEdges)));

        var shape =
            from m in Dim(mMax, ownMn, otherMn)
            from n in Dim(nMax, ownMn, otherMn)
            from k in Dim(kMax, ownK, otherK)
            where (long)m * n * k <= MaxMacs
            select (m, n, k);
        return WithShapes(entry, path, shape);
    }

    /// <summary>
    /// Cases of the given shapes, with everything else drawn as <see cref="Generator"/> draws it: transposes (op(A)'s
    /// from <paramref name="transA"/> when given), alpha and beta, stride padding, a tail on C's span, 1-4 threads.
    /// </summary>
    public static Gen<GemmCase> WithShapes(GemmEntry entry, SimdPath path, Gen<(int M, int N, int K)> shapes,
        Gen<Transpose>? transA = null)
    {
        var trans = Gen.Elements(Transpose.No, Transpose.Yes);
        return
            from s in shapes
            from ta in transA ?? trans
            from tb in trans
            from alpha in EdgeGen.Scalar()
            from beta in EdgeGen.Scalar()
            from padA in EdgeGen.Padding()
            from padB in EdgeGen.Padding()
            from padC in EdgeGen.Padding()
            from tail in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
            from threads in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(2, 4)))
            from seed in EdgeGen.Seed()
            select new GemmCase(entry, path, ta, tb, s.M, s.N, s.K, alpha, beta, padA, padB, padC, tail, threads, seed);
    }

    /// <summary>Shrinks towards smaller sizes, no padding, one thread, no transposes and alpha = 1.</summary>
    public static IEnumerable<GemmCase> Shrink(GemmCase c)
    {
        foreach (int m in EdgeGen.ShrinkDimension(c.M)) yield return c with { M = m };
        foreach (int n in EdgeGen.ShrinkDimension(c.N)) yield return c with { N = n };
        foreach (int k in EdgeGen.ShrinkDimension(c.K)) yield return c with { K = k };
        if (c.Dop != 1) yield return c with { Dop = 1 };
        if (c.PadA != 0) yield return c with { PadA = 0 };
        if (c.PadB != 0) yield return c with { PadB = 0 };
        if (c.PadC != 0) yield return c with { PadC = 0 };
        if (c.TailC != 0) yield return c with { TailC = 0 };
        if (c.TransA != Transpose.No) yield return c with { TransA = Transpose.No };
        if (c.TransB != Transpose.No) yield return c with { TransB = Transpose.No };
        if (c.Alpha != 1f) yield return c with { Alpha = 1f };
        if (c.Beta is not (0f or 1f)) yield return c with { Beta = 1f };
    }

    /// <summary>The property every case must satisfy; see <see cref="GemmProblem.Check"/>.</summary>
    public static Property Property(GemmEntry entry, SimdPath path) =>
        Prop.ForAll(Arb.From(Generator(entry, path), Shrink), (GemmCase c) => GemmProblem.Check(c));
}
