using BenchmarkDotNet.Attributes;

namespace SimdMlp.Bench.Common;

/// <summary>Adds <see cref="GflopsColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class GflopsColumnAttribute : ColumnConfigBaseAttribute
{
    public GflopsColumnAttribute() : base(new GflopsColumn())
    {
    }
}
