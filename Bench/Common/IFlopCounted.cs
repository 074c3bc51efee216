namespace SimdMlp.Bench.Common;

/// <summary>
/// A benchmark parameter that knows how many floating-point operations one call performs, so
/// the BenchmarkDotNet <c>GflopsColumn</c> (Common/GflopsColumn.cs) can turn a mean time into GFLOP/s without knowing the benchmark.
/// </summary>
public interface IFlopCounted
{
    /// <summary>Floating-point operations per benchmarked call (a multiply-add counts as 2).</summary>
    double Flops { get; }
}
