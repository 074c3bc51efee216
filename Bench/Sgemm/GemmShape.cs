using SimdMlp.Bench.Common;
using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm;

/// <summary>
/// One benchmarked product C[M,N] = op(A)[M,K]·op(B)[K,N], row-major and dense (each stride is the stored row length).
/// </summary>
/// <param name="Role">What the product is: "1024³", "fwd1", "dW1", "dX", ...</param>
/// <param name="Batch">MLP batch size, or 0 for a shape that is not part of the MLP.</param>
/// <param name="TransA">Whether A is stored transposed (K×M).</param>
/// <param name="TransB">Whether B is stored transposed (N×K).</param>
/// <param name="M">Rows of op(A) and C.</param>
/// <param name="N">Columns of op(B) and C.</param>
/// <param name="K">The summed dimension.</param>
public sealed record GemmShape(string Role, int Batch, Transpose TransA, Transpose TransB, int M, int N, int K)
    : IFlopCounted
{
    /// <summary>2·M·N·K: one multiply and one add per term.</summary>
    public double Flops => 2.0 * M * N * K;

    public bool IsMlp => Batch > 0;

    /// <summary>A is stored M×K, or K×M when transposed.</summary>
    public int ARows => TransA == Transpose.No ? M : K;

    public int ACols => TransA == Transpose.No ? K : M;

    /// <summary>B is stored K×N, or N×K when transposed.</summary>
    public int BRows => TransB == Transpose.No ? K : N;

    public int BCols => TransB == Transpose.No ? N : K;

    /// <summary>Shown in tables and as the BenchmarkDotNet parameter value: op shapes, plus which operand is stored transposed.</summary>
    public override string ToString()
    {
        string prefix = IsMlp ? $"{Role} B={Batch}" : Role;
        string trans = (TransA, TransB) switch
        {
            (Transpose.Yes, Transpose.Yes) => " Aᵀ Bᵀ",
            (Transpose.Yes, _) => " Aᵀ",
            (_, Transpose.Yes) => " Bᵀ",
            _ => "",
        };
        return $"{prefix} [{M},{K}]·[{K},{N}]{trans}";
    }
}
