namespace SimdMlp.Kernels;

internal static unsafe partial class UpdateDriver
{
    // Below this many parameters one thread wins: waking a worker costs ~1-5 µs, and Adam updates ~16 Ki parameters
    // in ~12 µs on one Zen 4 core. Above it the update is bound by the divider and square root (Adam) or by L2/L3
    // bandwidth (SGD), both per core, so a second core nearly halves it.
    internal const int ParallelThreshold = 1 << 15;

    // Parts start on 64-float (256-byte) boundaries: whole cache lines and whole vectors of every width.
    private const int Granule = 64;

    /// <summary>
    /// Applies <paramref name="op"/> with up to <paramref name="maxDegreeOfParallelism"/> threads, each on its own
    /// range of elements. Every element is computed by the same operations whatever the split, so the result is
    /// bit-identical to <see cref="RunSerial"/>.
    /// </summary>
    public static void Run<TOp>(SimdPath path, TOp op, Span<float> weights, ReadOnlySpan<float> gradients,
        Span<float> state1, Span<float> state2, int maxDegreeOfParallelism)
        where TOp : struct, IUpdateOperator
    {
        int parts = Math.Min(maxDegreeOfParallelism, WorkerPool.MaxParts);
        if (parts <= 1 || weights.Length < ParallelThreshold)
        {
            RunSerial(path, op, weights, gradients, state1, state2);
            return;
        }

        fixed (float* w = weights, g = gradients, s1 = state1, s2 = state2)
        {
            var work = UpdateWork<TOp>.ForThisThread;
            work.Set(path, op, w, g, s1, s2, weights.Length);
            WorkerPool.Run(work, parts);
        }
    }

    /// <summary>A reusable carrier for one parallel update, per thread and operator type, so no call allocates.</summary>
    private sealed class UpdateWork<TOp> : IPartitionedWork where TOp : struct, IUpdateOperator
    {
        [ThreadStatic]
        private static UpdateWork<TOp>? s_threadInstance;

        private SimdPath _path;
        private TOp _op;
        private float* _weights, _gradients, _state1, _state2;
        private int _length;

        public static UpdateWork<TOp> ForThisThread => s_threadInstance ??= new UpdateWork<TOp>();

        public void Set(SimdPath path, TOp op, float* weights, float* gradients, float* state1, float* state2, int length)
        {
            _path = path; _op = op; _length = length;
            _weights = weights; _gradients = gradients; _state1 = state1; _state2 = state2;
        }

        public void Execute(int part, int parts)
        {
            int chunk = (_length + parts - 1) / parts;
            chunk = (chunk + Granule - 1) / Granule * Granule;
            int start = part * chunk;
            int count = Math.Min(chunk, _length - start);
            if (count <= 0) return;
            // Missing state buffers stay empty spans: the operator never touches them (StateCount).
            RunSerial(_path, _op, new Span<float>(_weights + start, count), new ReadOnlySpan<float>(_gradients + start, count),
                _state1 is null ? default : new Span<float>(_state1 + start, count),
                _state2 is null ? default : new Span<float>(_state2 + start, count));
        }
    }
}
