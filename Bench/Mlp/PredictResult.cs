namespace SimdMlp.Bench.Mlp;

/// <summary>
/// Latency distribution of one-sample <c>model.Predict(x, y)</c> calls, each timed on its own (µs).
/// TimerOverheadNs is the median cost of an empty timing (two back-to-back timestamps), included in every figure.
/// </summary>
public sealed record PredictResult(
    int Calls, double P50Us, double P90Us, double P99Us, double P999Us, double MinUs, double MaxUs, double MeanUs,
    long AllocatedBytes, int AllocationCalls, double TimerOverheadNs)
{
    public double AllocatedBytesPerCall => (double)AllocatedBytes / AllocationCalls;
}
