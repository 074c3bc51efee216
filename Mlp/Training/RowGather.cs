using SimdMlp.Kernels;

namespace SimdMlp.Training;

/// <summary>
/// Copies the rows a batch names out of a training set, on up to <c>maxDegreeOfParallelism</c> threads of the kernels'
/// worker pool. One instance per trainer, reused, so a batch allocates nothing.
/// </summary>
/// <remarks>
/// A shuffled batch reads rows scattered over the whole set (188 MB for Fashion-MNIST): each row starts with a cache
/// and TLB miss, so the copy is bound by memory latency rather than bandwidth, and a second core overlaps the misses.
/// A copy is exact, so the split cannot change any result.
/// </remarks>
internal sealed unsafe class RowGather : IPartitionedWork
{
    // Below this many floats (~64 KB) the hand-off costs more than it saves.
    private const int ParallelThreshold = 1 << 14;

    private float* _source;
    private float* _destination;
    private int* _rows;
    private int _count;
    private int _features;

    /// <summary>destination[i, :] = source[rows[i], :] for rows of <paramref name="features"/> floats.</summary>
    public void Run(ReadOnlySpan<float> source, int features, ReadOnlySpan<int> rows, Span<float> destination,
        int maxDegreeOfParallelism)
    {
        int parts = Math.Min(maxDegreeOfParallelism, WorkerPool.MaxParts);
        if ((long)rows.Length * features < ParallelThreshold) parts = 1;
        fixed (float* s = source, d = destination)
        fixed (int* r = rows)
        {
            _source = s; _destination = d; _rows = r; _count = rows.Length; _features = features;
            if (parts <= 1) Execute(0, 1);
            else WorkerPool.Run(this, parts);
            _source = _destination = null;
            _rows = null;
        }
    }

    public void Execute(int part, int parts)
    {
        int first = (int)((long)_count * part / parts), last = (int)((long)_count * (part + 1) / parts);
        int features = _features;
        for (int i = first; i < last; i++)
        {
            new ReadOnlySpan<float>(_source + (long)_rows[i] * features, features)
                .CopyTo(new Span<float>(_destination + (long)i * features, features));
        }
    }
}
