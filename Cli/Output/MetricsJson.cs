using System.Text.Json;
using SimdMlp.Cli.Training;
using SimdMlp.Kernels;
using SimdMlp.Training;

namespace SimdMlp.Cli.Output;

/// <summary>
/// metrics.json of <c>simdmlp train</c>, written with <see cref="Utf8JsonWriter"/> (no reflection serializer, so it
/// works the same under Native AOT). Keys are snake_case; a number that is not finite is written as null.
/// </summary>
internal static class MetricsJson
{
    public static void Write(Stream stream, TrainingSummary summary)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("data", summary.Data);
        json.WriteString("model", summary.ModelPath);
        json.WriteString("architecture", summary.Architecture);
        json.WriteString("settings", summary.Settings);
        json.WriteString("simd_path", SimdCapabilities.ActivePath.ToString());
        json.WriteNumber("train_samples", summary.TrainCount);
        json.WriteNumber("test_samples", summary.TestCount);
        Number(json, "test_accuracy", summary.History[^1].TestAccuracy);
        Number(json, "test_loss", summary.History[^1].TestLoss);
        Number(json, "train_seconds", summary.History.Sum(e => e.TrainSeconds));
        json.WriteStartArray("epochs");
        foreach (EpochMetrics epoch in summary.History)
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", epoch.Epoch);
            Number(json, "learning_rate", epoch.LearningRate);
            Number(json, "train_loss", epoch.TrainLoss);
            Number(json, "test_loss", epoch.TestLoss);
            Number(json, "test_accuracy", epoch.TestAccuracy);
            Number(json, "seconds", epoch.TrainSeconds);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        // JSON has no NaN or infinity; null keeps the file valid and says "no value".
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
