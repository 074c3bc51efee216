using System.Collections.Concurrent;
using SimdMlp.Kernels.Tests.Support;
using Xunit;

namespace SimdMlp.Kernels.Tests.Gemm;

/// <summary>
/// The buffers of one <see cref="GemmCase"/>: A and B (quiet-NaN padding and guards), C (signalling-NaN sentinels
/// in padding, span tail and guards; NaN window when beta is 0), with snapshots to check and reset them.
/// </summary>
public sealed class GemmProblem
{
    private readonly float[] _aSnapshot, _bSnapshot, _cInitial;

    private GemmProblem(GemmCase c)
    {
        Case = c;
        var random = new Random(c.Seed);
        A = new GuardedMatrix(c.AShape.Rows, c.AShape.Cols, c.Lda, guard: 16, sentinelBits: SentinelBuffer.QuietNaNBits);
        A.FillWindow(random);
        B = new GuardedMatrix(c.BShape.Rows, c.BShape.Cols, c.Ldb, guard: 16, sentinelBits: SentinelBuffer.QuietNaNBits);
        B.FillWindow(random);
        C = new GuardedMatrix(c.M, c.N, c.Ldc, tail: c.TailC);
        if (c.Beta == 0) C.FillWindow(float.NaN);
        else C.FillWindow(random);
        _aSnapshot = A.Buffer.Snapshot();
        _bSnapshot = B.Buffer.Snapshot();
        _cInitial = C.Buffer.Snapshot();
    }

    /// <summary>The case.</summary>
    public GemmCase Case { get; }

    /// <summary>A as stored.</summary>
    public GuardedMatrix A { get; }

    /// <summary>B as stored.</summary>
    public GuardedMatrix B { get; }

    /// <summary>C, holding its initial contents until <see cref="Invoke"/>.</summary>
    public GuardedMatrix C { get; }

    /// <summary>Builds the buffers of <paramref name="c"/>.</summary>
    public static GemmProblem Create(GemmCase c) => new(c);

    /// <summary>Builds, computes the reference, calls the entry point once and checks everything.</summary>
    public static void Check(GemmCase c)
    {
        var problem = Create(c);
        var reference = problem.ComputeReference();
        problem.Invoke();
        problem.AssertResult(reference);
    }

    /// <summary>The double-precision reference of the case, from C's initial contents.</summary>
    /// <param name="shared">
    /// Reuse the reference of an earlier problem with the same data (same case but for entry point, family and
    /// thread count, which do not change the data): for big shapes run once per family. Kept for the whole run.
    /// </param>
    public GemmReference ComputeReference(bool shared = false)
    {
        if (!shared) return Compute();
        var key = Case with { Entry = GemmEntry.Driver, Path = SimdPath.Scalar, Dop = 1 };
        return s_sharedReferences.GetOrAdd(key, _ => new Lazy<GemmReference>(Compute)).Value;

        GemmReference Compute() =>
            NaiveGemm.Compute(Case.TransA, Case.TransB, Case.M, Case.N, Case.K, Case.Alpha, A.Span, A.Ld, B.Span, B.Ld,
                Case.Beta, _cInitial.AsSpan(C.Buffer.Guard, C.Buffer.Length), C.Ld);
    }

    private static readonly ConcurrentDictionary<GemmCase, Lazy<GemmReference>> s_sharedReferences = new();

    /// <summary>Calls the case's entry point once on these buffers.</summary>
    /// <param name="maxDegreeOfParallelism">Overrides <see cref="GemmCase.Dop"/> when given.</param>
    public void Invoke(int? maxDegreeOfParallelism = null)
    {
        var c = Case;
        int dop = maxDegreeOfParallelism ?? c.Dop;
        if (c.Entry == GemmEntry.Public)
        {
            Assert.Equal(SimdCapabilities.ActivePath, c.Path);
            Kernels.Gemm.Sgemm(c.TransA, c.TransB, c.M, c.N, c.K, c.Alpha, A.Span, A.Ld, B.Span, B.Ld, c.Beta,
                C.Span, C.Ld, dop);
        }
        else
        {
            GemmDriver.Run(c.Path, c.TransA, c.TransB, c.M, c.N, c.K, c.Alpha, A.Span, A.Ld, B.Span, B.Ld, c.Beta,
                C.Span, C.Ld, dop);
        }
    }

    /// <summary>Puts C (window, padding and guards) back to its initial contents.</summary>
    public void ResetC() => C.Buffer.Restore(_cInitial);

    /// <summary>
    /// Fails unless C's sentinels are intact, every element of C is within its bound of
    /// <paramref name="reference"/>, and A and B (padding and guards included) are bit-identical to their initial contents.
    /// </summary>
    public void AssertResult(GemmReference reference, string? note = null)
    {
        string context = note is null ? Case.ToString() : $"{Case} [{note}]";
        C.AssertSentinelsIntact("C", context);
        reference.AssertMatches(C.Span, C.Ld, context);
        A.AssertUnchanged(_aSnapshot, "A (read-only)", context);
        B.AssertUnchanged(_bSnapshot, "B (read-only)", context);
    }
}
