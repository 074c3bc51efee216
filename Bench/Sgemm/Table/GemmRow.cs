namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>One table row: a shape at a thread count, with every peer's result in <see cref="GemmTable"/>'s peer order.</summary>
public sealed record GemmRow(GemmShape Shape, int Threads, IReadOnlyList<PeerResult> Peers)
{
    public PeerResult this[string peer]
    {
        get
        {
            foreach (var p in Peers)
            {
                if (p.Peer == peer) return p;
            }

            throw new KeyNotFoundException(peer);
        }
    }

    /// <summary>Throughput ratio SimdMlp / other (above 1: SimdMlp faster); null when either is missing.</summary>
    public double? Ratio(string simd, string other) =>
        this[simd].Gflops is double s && this[other].Gflops is double o && o > 0 ? s / o : null;
}
