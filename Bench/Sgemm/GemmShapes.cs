using SimdMlp.Kernels;

namespace SimdMlp.Bench.Sgemm;

/// <summary>The shapes every GEMM report uses: two squares, and the products of a 784-256-128-10 MLP.</summary>
public static class GemmShapes
{
    /// <summary>MLP batch sizes: single-sample inference, a typical training batch, a large batch.</summary>
    public static readonly int[] Batches = [1, 64, 256];

    public static readonly int[] Threads = [1, 2];

    /// <summary>Squares first, then the MLP products batch by batch.</summary>
    public static IReadOnlyList<GemmShape> All { get; } = Build();

    /// <summary>A small cross-section (one square, the largest product of each kind) for slower suites.</summary>
    public static IReadOnlyList<GemmShape> Representative { get; } =
        [.. All.Where(s => s.Role is "512³" || (s.Batch is 64 or 256 && s.Role is "fwd1" or "dW1" or "dX"))];

    private static List<GemmShape> Build()
    {
        var shapes = new List<GemmShape> { Square(1024), Square(512) };
        foreach (int b in Batches) shapes.AddRange(Mlp(b));
        return shapes;
    }

    private static GemmShape Square(int n) => new($"{n}³", 0, Transpose.No, Transpose.No, n, n, n);

    /// <summary>
    /// Layer widths 784 → 256 → 128 → 10. Forward: Z = X·W with X [B,in], W [in,out].
    /// Weight gradient: dW = Xᵀ·dZ, with X stored [B,in] (transA). Input gradient of the first layer:
    /// dX = dZ·Wᵀ, with W stored [784,256] (transB).
    /// </summary>
    private static IEnumerable<GemmShape> Mlp(int b)
    {
        int[] widths = [784, 256, 128, 10];
        for (int l = 0; l < 3; l++)
            yield return new($"fwd{l + 1}", b, Transpose.No, Transpose.No, b, widths[l + 1], widths[l]);
        for (int l = 0; l < 3; l++)
            yield return new($"dW{l + 1}", b, Transpose.Yes, Transpose.No, widths[l], widths[l + 1], b);
        yield return new("dX", b, Transpose.No, Transpose.Yes, b, widths[0], widths[1]);
    }
}
