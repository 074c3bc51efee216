namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>One peer's measurement on one row; null fields mean "not measured" (peer unavailable or not managed).</summary>
/// <param name="Peer">The peer's name.</param>
/// <param name="SecondsPerCall">Median over samples of the per-call time.</param>
/// <param name="Gflops">2·M·N·K / <paramref name="SecondsPerCall"/>, in 10^9 per second.</param>
/// <param name="Samples">Samples the median is taken over.</param>
/// <param name="CallsPerSample">Back-to-back calls timed together in one sample.</param>
/// <param name="BytesPerCall">Managed bytes one warmed-up call allocates.</param>
/// <param name="MaxRelDiff">max |C − C_naive| / max |C_naive|, from the warm-up output.</param>
public sealed record PeerResult(
    string Peer, double? SecondsPerCall, double? Gflops, int Samples, int CallsPerSample, long? BytesPerCall, double? MaxRelDiff)
{
    public static PeerResult Unavailable(string peer) => new(peer, null, null, 0, 0, null, null);
}
