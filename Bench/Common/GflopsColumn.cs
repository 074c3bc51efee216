using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimdMlp.Bench.Common;

/// <summary>
/// BenchmarkDotNet column: GFLOP/s = flops per call / mean time per call. The flop count comes from the first
/// parameter of the case that implements <see cref="IFlopCounted"/>; cases without one show "-".
/// </summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Flops per call / mean time per call, in 10^9 floating-point operations per second";

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? flops = FlopsOf(benchmarkCase);
        if (meanNs is not > 0 || flops is null) return "-";

        // Flops per nanosecond is GFLOP/s.
        return (flops.Value / meanNs.Value).ToString("F2", style.CultureInfo ?? CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;

    private static double? FlopsOf(BenchmarkCase benchmarkCase)
    {
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Value is IFlopCounted counted) return counted.Flops;
        }

        return null;
    }
}
