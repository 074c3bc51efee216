using SimdMlp.Kernels;

namespace SimdMlp.Training;

/// <summary>
/// A layer's backward products, dW_l = A_{l−1}ᵀ·dZ_l and (unless not wanted) dA_{l−1} = dZ_l·W_lᵀ. On two threads
/// each product runs whole on its own thread, side by side, instead of each being split in two. One instance per
/// trainer, reused.
/// </summary>
/// <remarks>
/// <para>
/// The two products cost the same (m·n_in·n_out multiply-adds each) and read only what the forward pass and dZ_l
/// left, so they balance exactly and need no synchronization but the end of the region. A split product pays for
/// packing its shared operand twice and for two partial tiles; at the 256→128 layer of 784-256-128-10 at batch 256
/// a product split over two threads runs at only 1.6-1.7× one thread, while two whole products side by side run at
/// close to 2×.
/// </para>
/// <para>
/// Results cannot change: the GEMM never splits K, so a product computed on one thread gives the same bits as the
/// same product split over any number of threads.
/// </para>
/// <para>
/// Only at exactly two threads: with more, each product keeps its own split (it would otherwise leave threads idle).
/// </para>
/// </remarks>
internal sealed unsafe class BackwardProducts : IPartitionedWork
{
    private float* _previous;
    private float* _dZ;
    private float* _weights;
    private float* _dWeights;
    private float* _dPrevious;
    private int _batch;
    private int _inputs;
    private int _outputs;

    /// <summary>True when two wanted products run side by side rather than each split, at this thread budget.</summary>
    public static bool Pays(int maxDegreeOfParallelism) => Math.Min(maxDegreeOfParallelism, WorkerPool.MaxParts) == 2;

    /// <summary>
    /// dWeights [n_in, n_out] = previousᵀ [n_in, m]·dZ [m, n_out] and, unless <paramref name="dPrevious"/> is empty,
    /// dPrevious [m, n_in] = dZ [m, n_out]·weightsᵀ [n_out, n_in]. Side by side, the first runs on the caller and the
    /// second on the pool's thread (both on the caller when the pool is busy).
    /// </summary>
    public void Run(ReadOnlySpan<float> previous, ReadOnlySpan<float> dZ, ReadOnlySpan<float> weights,
        Span<float> dWeights, Span<float> dPrevious, int batch, int inputs, int outputs, int maxDegreeOfParallelism)
    {
        if (dPrevious.IsEmpty || !Pays(maxDegreeOfParallelism))
        {
            WeightGradient(previous, dZ, dWeights, batch, inputs, outputs, maxDegreeOfParallelism);
            if (!dPrevious.IsEmpty) InputGradient(dZ, weights, dPrevious, batch, inputs, outputs, maxDegreeOfParallelism);
            return;
        }

        fixed (float* p = previous)
        fixed (float* z = dZ)
        fixed (float* w = weights)
        fixed (float* dw = dWeights)
        fixed (float* dp = dPrevious)
        {
            _previous = p; _dZ = z; _weights = w; _dWeights = dw; _dPrevious = dp;
            _batch = batch; _inputs = inputs; _outputs = outputs;
            WorkerPool.Run(this, 2);
            _previous = _dZ = _weights = _dWeights = _dPrevious = null;
        }
    }

    public void Execute(int part, int parts)
    {
        int m = _batch, nIn = _inputs, nOut = _outputs;
        var dZ = new ReadOnlySpan<float>(_dZ, m * nOut);
        if (part == 0)
            WeightGradient(new ReadOnlySpan<float>(_previous, m * nIn), dZ, new Span<float>(_dWeights, nIn * nOut), m, nIn, nOut, 1);
        else
            InputGradient(dZ, new ReadOnlySpan<float>(_weights, nIn * nOut), new Span<float>(_dPrevious, m * nIn), m, nIn, nOut, 1);
    }

    private static void WeightGradient(ReadOnlySpan<float> previous, ReadOnlySpan<float> dZ, Span<float> dWeights,
        int batch, int inputs, int outputs, int maxDegreeOfParallelism) =>
        Gemm.Sgemm(Transpose.Yes, Transpose.No, inputs, outputs, batch, 1f, previous, inputs, dZ, outputs, 0f, dWeights,
            outputs, maxDegreeOfParallelism);

    private static void InputGradient(ReadOnlySpan<float> dZ, ReadOnlySpan<float> weights, Span<float> dPrevious,
        int batch, int inputs, int outputs, int maxDegreeOfParallelism) =>
        Gemm.Sgemm(Transpose.No, Transpose.Yes, batch, inputs, outputs, 1f, dZ, outputs, weights, outputs, 0f, dPrevious,
            inputs, maxDegreeOfParallelism);
}
