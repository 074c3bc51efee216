namespace SimdMlp.Bench.Mlp;

/// <summary>
/// What the sampler measured for one <see cref="StepCase"/>. Times are µs per training step. AllocatedBytes is the
/// managed bytes allocated over AllocationSteps warmed-up steps, from the process-wide counter when
/// ProcessWideAllocation (2-thread cases, so GEMM worker allocations count), else from the calling thread's counter.
/// </summary>
public sealed record StepResult(
    string Key, string Label, int Batch, int Threads, double MedianUs, double MinUs, double MaxUs, int Samples,
    int StepsPerSample, long AllocatedBytes, int AllocationSteps, bool ProcessWideAllocation, float FirstLoss, float LastLoss)
{
    public double AllocatedBytesPerStep => (double)AllocatedBytes / AllocationSteps;

    /// <summary>Samples (inputs) per second at the median.</summary>
    public double SamplesPerSecond => Batch / (MedianUs * 1e-6);
}
