using System.Text.Encodings.Web;
using System.Text.Json;

namespace SimdMlp.Bench.Mlp;

/// <summary>
/// The report as flat snake_case JSON for scripts and CI comparisons (µs, bytes, seconds). Written with
/// <see cref="Utf8JsonWriter"/> so the key names are exactly the ones documented here.
/// </summary>
public static class MlpTableJson
{
    public static void Write(string path, MlpReport report, double elapsedSeconds)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });

        json.WriteStartObject();
        var info = report.Info;
        json.WriteString("date_utc", info.DateUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("cpu", info.Cpu);
        json.WriteNumber("cores", info.Cores);
        json.WriteString("simd", info.Simd);
        json.WriteString("runtime", info.Runtime);
        json.WriteString("gc", info.Gc);
        json.WriteString("command", info.Command);
        json.WriteString("sampling", info.Sampling);
        json.WriteString("load_average", report.LoadAverage);
        json.WriteNumber("elapsed_seconds", Math.Round(elapsedSeconds, 2));
        json.WriteString("network", MlpNetwork.Definition.ToString());

        var b64t1 = report.Step(64, 1);
        json.WriteNumber("train_step_us_b64_t1", Round(b64t1.MedianUs));
        json.WriteNumber("train_step_us_b64_t1_min", Round(b64t1.MinUs));
        json.WriteNumber("train_step_us_b64_t2", Round(report.Step(64, 2).MedianUs));
        json.WriteNumber("train_step_us_b256_t1", Round(report.Step(256, 1).MedianUs));
        json.WriteNumber("train_step_us_b256_t2", Round(report.Step(256, 2).MedianUs));
        json.WriteNumber("speedup_b256_t2_over_t1", Round(report.SpeedupB256, 3));
        json.WriteNumber("speedup_b256_t2_over_t1_paired", Round(report.PairedSpeedupB256, 3));
        json.WriteNumber("speedup_b64_t2_over_t1", Round(report.SpeedupB64, 3));
        json.WriteNumber("allocated_bytes_per_step", b64t1.AllocatedBytesPerStep);

        json.WriteNumber("predict_p50_us", Round(report.Predict.P50Us, 3));
        json.WriteNumber("predict_p99_us", Round(report.Predict.P99Us, 3));
        json.WriteNumber("predict_min_us", Round(report.Predict.MinUs, 3));
        json.WriteNumber("predict_p90_us", Round(report.Predict.P90Us, 3));
        json.WriteNumber("predict_p999_us", Round(report.Predict.P999Us, 3));
        json.WriteNumber("predict_max_us", Round(report.Predict.MaxUs, 3));
        json.WriteNumber("predict_mean_us", Round(report.Predict.MeanUs, 3));
        json.WriteNumber("predict_calls", report.Predict.Calls);
        json.WriteNumber("predict_timer_overhead_ns", Round(report.Predict.TimerOverheadNs, 1));
        json.WriteNumber("allocated_bytes_per_predict", report.Predict.AllocatedBytesPerCall);
        json.WriteNumber("allocated_bytes_predict_total", report.Predict.AllocatedBytes);
        json.WriteNumber("allocated_bytes_predict_calls", report.Predict.AllocationCalls);

        if (report.Fashion is { } f)
        {
            json.WriteNumber("fashion_test_accuracy", f.TestAccuracy);
            json.WriteNumber("fashion_train_seconds", Round(f.TrainSeconds, 3));
            json.WriteNumber("fashion_epochs", f.Epochs);
            json.WriteNumber("fashion_best_test_accuracy", f.BestTestAccuracy);
            json.WriteNumber("fashion_fit_seconds", Round(f.FitSeconds, 3));
            json.WriteNumber("fashion_load_seconds", Round(f.LoadSeconds, 3));
            json.WriteNumber("fashion_batch", f.Batch);
            json.WriteNumber("fashion_learning_rate", f.LearningRate);
            json.WriteNumber("fashion_seed", f.Seed);
            json.WriteNumber("fashion_threads", f.Threads);
            json.WriteNumber("fashion_first_epoch_at_target", f.FirstEpochAtTarget);
            if (double.IsFinite(f.SecondsToTarget)) json.WriteNumber("fashion_train_seconds_to_target", Round(f.SecondsToTarget, 3));
            json.WriteString("fashion_settings", f.Settings);
            json.WriteNumber("predict_fashion_p50_us", Round(f.ImagePredict.P50Us, 3));
            json.WriteNumber("predict_fashion_p99_us", Round(f.ImagePredict.P99Us, 3));
            json.WriteNumber("predict_fashion_mean_us", Round(f.ImagePredict.MeanUs, 3));
            json.WriteNumber("allocated_bytes_per_predict_fashion", f.ImagePredict.AllocatedBytesPerCall);
            WriteArray(json, "fashion_epoch_train_seconds", f.EpochTrainSeconds.Select(s => Round(s, 3)));
            WriteArray(json, "fashion_epoch_test_accuracy", f.EpochTestAccuracy);
        }
        else if (report.FashionRequested)
        {
            json.WriteString("fashion_skipped", report.FashionSkipped);
        }

        json.WriteStartArray("train_steps");
        foreach (var s in report.Steps)
        {
            json.WriteStartObject();
            json.WriteString("case", s.Key);
            json.WriteNumber("batch", s.Batch);
            json.WriteNumber("threads", s.Threads);
            json.WriteNumber("median_us", Round(s.MedianUs));
            json.WriteNumber("min_us", Round(s.MinUs));
            json.WriteNumber("max_us", Round(s.MaxUs));
            json.WriteNumber("samples", s.Samples);
            json.WriteNumber("steps_per_sample", s.StepsPerSample);
            json.WriteNumber("samples_per_second", Math.Round(s.SamplesPerSecond));
            json.WriteNumber("allocated_bytes", s.AllocatedBytes);
            json.WriteNumber("allocation_steps", s.AllocationSteps);
            json.WriteNumber("allocated_bytes_per_step", s.AllocatedBytesPerStep);
            json.WriteBoolean("allocation_process_wide", s.ProcessWideAllocation);
            json.WriteNumber("first_loss", s.FirstLoss);
            json.WriteNumber("last_loss", s.LastLoss);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static double Round(double value, int digits = 2) => Math.Round(value, digits);

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
