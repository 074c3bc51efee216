using SimdMlp.IO;
using SimdMlp.Kernels;

namespace SimdMlp.Training;

/// <summary>
/// Copies the rows a batch names out of a training set, float rows as they are and byte rows as <c>b / 255f</c>, on up
/// to <c>maxDegreeOfParallelism</c> threads of the kernels' worker pool. One instance per trainer, reused, so a batch
/// allocates nothing.
/// </summary>
/// <remarks>
/// A shuffled batch reads rows scattered over the whole set (188 MB for Fashion-MNIST as floats, 47 MB as bytes):
/// each row starts with a cache and TLB miss, so the copy is bound by memory latency rather than bandwidth, and a
/// second core overlaps the misses. Byte rows are a quarter of the cache lines to fetch. A copy (or the conversion,
/// the same division for every element) is exact, so the split cannot change any result.
/// </remarks>
internal sealed unsafe class RowGather : IPartitionedWork
{
    // Below this many elements (~64 KB of floats) the hand-off costs more than it saves.
    private const int ParallelThreshold = 1 << 14;

    private float* _source;
    private byte* _byteSource;
    private float* _destination;
    private int* _rows;
    private int _count;
    private int _features;

    /// <summary>destination[i, :] = source[rows[i], :] for rows of <paramref name="features"/> floats.</summary>
    public void Run(ReadOnlySpan<float> source, int features, ReadOnlySpan<int> rows, Span<float> destination,
        int maxDegreeOfParallelism)
    {
        fixed (float* s = source)
        {
            _source = s;
            Run(features, rows, destination, maxDegreeOfParallelism);
            _source = null;
        }
    }

    /// <summary>destination[i, :] = source[rows[i], :] / 255f for rows of <paramref name="features"/> bytes.</summary>
    public void Run(ReadOnlySpan<byte> source, int features, ReadOnlySpan<int> rows, Span<float> destination,
        int maxDegreeOfParallelism)
    {
        fixed (byte* s = source)
        {
            _byteSource = s;
            Run(features, rows, destination, maxDegreeOfParallelism);
            _byteSource = null;
        }
    }

    private void Run(int features, ReadOnlySpan<int> rows, Span<float> destination, int maxDegreeOfParallelism)
    {
        int parts = Math.Min(maxDegreeOfParallelism, WorkerPool.MaxParts);
        if ((long)rows.Length * features < ParallelThreshold) parts = 1;
        fixed (float* d = destination)
        fixed (int* r = rows)
        {
            _destination = d; _rows = r; _count = rows.Length; _features = features;
            if (parts <= 1) Execute(0, 1);
            else WorkerPool.Run(this, parts);
            _destination = null;
            _rows = null;
        }
    }

    public void Execute(int part, int parts)
    {
        int first = (int)((long)_count * part / parts), last = (int)((long)_count * (part + 1) / parts);
        int features = _features;
        for (int i = first; i < last; i++)
        {
            long row = (long)_rows[i] * features;
            float* target = _destination + (long)i * features;
            if (_byteSource != null)
                UnitRange.FromBytes(ref _byteSource[row], ref *target, features);
            else
                new ReadOnlySpan<float>(_source + row, features).CopyTo(new Span<float>(target, features));
        }
    }
}
