namespace SimdMlp.IO;

/// <summary>What <see cref="CsvParser{TLabel}"/> read: a row-major feature matrix and one parsed label per row.</summary>
internal sealed class CsvTable<TLabel>(float[] features, int featureCount, TLabel[] labels)
{
    /// <summary>Row-major [labels.Length, <see cref="FeatureCount"/>].</summary>
    public float[] Features { get; } = features;

    /// <summary>Features per row.</summary>
    public int FeatureCount { get; } = featureCount;

    /// <summary>The label column, parsed.</summary>
    public TLabel[] Labels { get; } = labels;
}
