using MathNet.Numerics;
using ILinearAlgebraProvider = MathNet.Numerics.Providers.LinearAlgebra.ILinearAlgebraProvider;
using LinearAlgebraControl = MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl;
using MathNetTranspose = MathNet.Numerics.Providers.LinearAlgebra.Transpose;
using Transpose = SimdMlp.Kernels.Transpose;

namespace SimdMlp.Bench.Sgemm.Peers;

/// <summary>
/// Math.NET Numerics on its managed (pure C#) provider: the obvious managed alternative. Called at the provider's
/// GEMM entry (what DenseMatrix.Multiply uses) on the same arrays, without copies: Math.NET is column-major and
/// a row-major array read column-major is its transpose, so row-major C = op(A)·op(B) is computed as
/// column-major Cᵀ = op(B)ᵀ·op(A)ᵀ — operands swapped, transpose flags kept, stored dimensions swapped.
/// Its threads follow <see cref="Control.MaxDegreeOfParallelism"/>.
/// </summary>
public sealed class MathNetGemm : IGemmPeer
{
    private readonly ILinearAlgebraProvider _provider;

    public MathNetGemm()
    {
        Control.UseManaged();
        _provider = LinearAlgebraControl.Provider;
    }

    public const string PeerName = "Math.NET";

    public string Name => PeerName;
    public bool IsAvailable => true;
    public bool ReportsAllocations => true;

    /// <summary>Provider description for the report (checks that the managed one is really in use).</summary>
    public string Provider => _provider.ToString() ?? _provider.GetType().Name;

    public TimeSpan SettleAfter(int threads) => TimeSpan.Zero;
    public void SetThreads(int threads) => Control.MaxDegreeOfParallelism = threads;

    public void Multiply(GemmProblem problem, float[] c)
    {
        var s = problem.Shape;
        _provider.MatrixMultiplyWithUpdate(
            Flag(s.TransB), Flag(s.TransA), 1f,
            problem.B, s.BCols, s.BRows,
            problem.A, s.ACols, s.ARows,
            0f, c);
    }

    private static MathNetTranspose Flag(Transpose t) =>
        t == Transpose.No ? MathNetTranspose.DontTranspose : MathNetTranspose.Transpose;
}
