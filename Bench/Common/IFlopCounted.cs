namespace SimdMlp.Bench.Common;

/// <summary>
/// A benchmark parameter that knows how many floating-point operations one call performs, so
/// <see cref="GflopsColumn"/> can turn a mean time into GFLOP/s without knowing the benchmark.
/// </summary>
public interface IFlopCounted
{
    /// <summary>Floating-point operations per benchmarked call (a multiply-add counts as 2).</summary>
    double Flops { get; }
}
