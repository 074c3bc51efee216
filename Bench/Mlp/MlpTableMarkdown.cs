using System.Globalization;
using System.Text;

namespace SimdMlp.Bench.Mlp;

/// <summary>Renders the report as one markdown table (metric, value, target, met?) with the run info under it.</summary>
public static class MlpTableMarkdown
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public static string Render(MlpReport report)
    {
        var cells = new List<string[]> { new[] { "metric", "value", "target", "met?" } };
        var b64t1 = report.Step(64, 1);
        cells.Add(Row("train step, batch 64, 1 thread: median", Us(b64t1.MedianUs), $"≤ {MlpReport.TargetStepB64T1Us.ToString("F0", s_inv)} µs",
            b64t1.MedianUs <= MlpReport.TargetStepB64T1Us));
        cells.Add(Row("train step, batch 64, 1 thread: min", Us(b64t1.MinUs)));
        cells.Add(Row("train step, batch 64, 2 threads: median", Us(report.Step(64, 2).MedianUs)));
        cells.Add(Row("speed-up batch 64, 2 threads / 1 thread", Ratio(report.SpeedupB64)));
        cells.Add(Row("train step, batch 256, 1 thread: median", Us(report.Step(256, 1).MedianUs)));
        cells.Add(Row("train step, batch 256, 2 threads: median", Us(report.Step(256, 2).MedianUs)));
        cells.Add(Row("speed-up batch 256, 2 threads / 1 thread (ratio of medians)", Ratio(report.SpeedupB256),
            $"≥ {MlpReport.TargetSpeedupB256.ToString("F1", s_inv)}×", report.SpeedupB256 >= MlpReport.TargetSpeedupB256));
        cells.Add(Row("speed-up batch 256, median of per-round ratios", Ratio(report.PairedSpeedupB256)));
        cells.Add(Row("allocated bytes per step, batch 64, 1 thread", Bytes(b64t1), "0", b64t1.AllocatedBytes == 0));
        foreach (var s in report.Steps.Where(s => s != b64t1))
            cells.Add(Row($"allocated bytes per step, {s.Label}{(s.ProcessWideAllocation ? " (process-wide)" : "")}", Bytes(s), "0", s.AllocatedBytes == 0));

        var p = report.Predict;
        cells.Add(Row("predict, 1 sample (untrained net, dense random input): p50", Us(p.P50Us, "F2"), $"≤ {MlpReport.TargetPredictP50Us} µs", p.P50Us <= MlpReport.TargetPredictP50Us));
        cells.Add(Row("predict, 1 sample (untrained net, dense random input): p99", Us(p.P99Us, "F2"), $"≤ {MlpReport.TargetPredictP99Us} µs", p.P99Us <= MlpReport.TargetPredictP99Us));
        cells.Add(Row("predict, 1 sample: min", Us(p.MinUs, "F2")));
        cells.Add(Row("predict, 1 sample: p90 / p99.9 / max", $"{Us(p.P90Us, "F2")} / {Us(p.P999Us, "F2")} / {Us(p.MaxUs, "F1")}"));
        cells.Add(Row("allocated bytes per predict", Num(p.AllocatedBytesPerCall) + $" ({p.AllocatedBytes} B / {p.AllocationCalls} calls)",
            "0", p.AllocatedBytes == 0));

        if (report.Fashion is { } f)
        {
            cells.Add(Row($"Fashion-MNIST test accuracy after {f.Epochs} epochs", f.TestAccuracy.ToString("F4", s_inv),
                $"≥ {FashionRun.TargetAccuracy.ToString("F2", s_inv)}", f.TestAccuracy >= FashionRun.TargetAccuracy));
            cells.Add(Row($"Fashion-MNIST training seconds ({f.Epochs} epochs, {f.Threads} threads)", f.TrainSeconds.ToString("F2", s_inv) + " s",
                $"≤ {MlpReport.TargetFashionSeconds} s", f.TrainSeconds <= MlpReport.TargetFashionSeconds));
            cells.Add(Row("Fashion-MNIST first epoch ≥ target accuracy (training s so far)",
                f.FirstEpochAtTarget > 0 ? $"{f.FirstEpochAtTarget} ({f.SecondsToTarget.ToString("F2", s_inv)} s)" : "none"));
            var ip = f.ImagePredict;
            cells.Add(Row("predict, 1 sample (trained net, Fashion-MNIST test images): p50", Us(ip.P50Us, "F2"),
                $"≤ {MlpReport.TargetPredictP50Us} µs", ip.P50Us <= MlpReport.TargetPredictP50Us));
            cells.Add(Row("predict, 1 sample (trained net, Fashion-MNIST test images): p99", Us(ip.P99Us, "F2"),
                $"≤ {MlpReport.TargetPredictP99Us} µs", ip.P99Us <= MlpReport.TargetPredictP99Us));
            cells.Add(Row("allocated bytes per predict (trained net, test images)", Num(ip.AllocatedBytesPerCall), "0", ip.AllocatedBytes == 0));
        }
        else if (report.FashionRequested)
        {
            cells.Add(Row("Fashion-MNIST", "skipped: " + report.FashionSkipped));
        }

        var text = new StringBuilder();
        AppendTable(text, cells);
        AppendFooter(text, report);
        return text.ToString();
    }

    private static string[] Row(string metric, string value, string target = "", bool? met = null) =>
        [metric, value, target, met switch { true => "yes", false => "**no**", null => "" }];

    private static string Us(double us, string format = "F1") => us.ToString(format, s_inv) + " µs";

    private static string Ratio(double r) => r.ToString("F2", s_inv) + "×";

    private static string Num(double v) => v.ToString("0.###", s_inv);

    private static string Bytes(StepResult s) => $"{Num(s.AllocatedBytesPerStep)} ({s.AllocatedBytes} B / {s.AllocationSteps} steps)";

    private static void AppendTable(StringBuilder text, List<string[]> cells)
    {
        int columns = cells[0].Length;
        var widths = new int[columns];
        foreach (var line in cells)
        {
            for (int c = 0; c < columns; c++) widths[c] = Math.Max(widths[c], line[c].Length);
        }

        for (int r = 0; r < cells.Count; r++)
        {
            text.Append('|');
            // The metric column is text (left-aligned); the rest are numbers (right-aligned).
            for (int c = 0; c < columns; c++)
                text.Append(' ').Append(c == 0 ? cells[r][c].PadRight(widths[c]) : cells[r][c].PadLeft(widths[c])).Append(" |");
            text.AppendLine();
            if (r != 0) continue;
            text.Append('|');
            for (int c = 0; c < columns; c++)
                text.Append(c == 0 ? ":" + new string('-', widths[c] + 1) : new string('-', widths[c] + 1) + ":").Append('|');
            text.AppendLine();
        }
    }

    private static void AppendFooter(StringBuilder text, MlpReport report)
    {
        var info = report.Info;
        text.AppendLine();
        text.AppendLine(s_inv, $"- Network: {MlpNetwork.Definition}; training step = Trainer.Step(x, labels) (forward, softmax cross-entropy loss, backward, plain SGD lr {StepCase.LearningRate}) on one fixed seeded input batch (uniform [0, 1)) with random labels cycling through {StepCase.LabelSets} seeded sets, so the network cannot memorize it.");
        text.Append("- Training steps, median / min / max µs per step, samples × steps per sample:");
        foreach (var s in report.Steps)
            text.Append(s_inv, $" {s.Key} {s.MedianUs:F1} / {s.MinUs:F1} / {s.MaxUs:F1} ({s.Samples} × {s.StepsPerSample}, {s.SamplesPerSecond:F0} samples/s);");
        text.AppendLine();
        text.Append("- Loss at the first / last measured step (sanity: finite, near ln 10 = 2.303):");
        foreach (var s in report.Steps) text.Append(s_inv, $" {s.Key} {s.FirstLoss:G4} → {s.LastLoss:G4};");
        text.AppendLine();
        text.AppendLine("- Allocation: GC.GetAllocatedBytesForCurrentThread over a block of warmed-up steps at 1 thread; GC.GetTotalAllocatedBytes(precise) at 2 threads so GEMM worker threads count; min of 3 blocks.");
        var p = report.Predict;
        text.AppendLine(s_inv, $"- Predict: model.Predict(x, y), one 784-float sample copied into the input buffer before each call (untimed), thread-static workspace; {p.Calls} calls each timed with Stopwatch.GetTimestamp (timer overhead ≈ {p.TimerOverheadNs:F0} ns, included); mean {p.MeanUs:F2} µs; nearest-rank percentiles.");
        if (report.Fashion is { } f)
        {
            text.AppendLine(s_inv, $"- Fashion-MNIST: {f.Settings}; training {f.TrainSeconds:F2} s (steps only), Fit {f.FitSeconds:F2} s incl. per-epoch test evaluation, loading {f.LoadSeconds:F2} s (excluded); best test accuracy {f.BestTestAccuracy:F4}.");
            text.AppendLine("- Fashion-MNIST per epoch, training s (test accuracy): " + string.Join(", ",
                f.EpochTrainSeconds.Select((sec, i) => string.Create(s_inv, $"{sec:F2} ({f.EpochTestAccuracy[i]:F4})"))));
        }

        text.AppendLine(s_inv, $"- Date (UTC): {info.DateUtc:yyyy-MM-dd HH:mm:ss}");
        text.AppendLine(s_inv, $"- CPU: {info.Cpu}, {info.Cores} logical cores; load average (1/5/15 min) {report.LoadAverage}");
        text.AppendLine(s_inv, $"- SimdMlp: {info.Simd}; {info.Runtime}; {info.Gc}");
        text.AppendLine(s_inv, $"- Sampling: {info.Sampling}.");
        text.AppendLine(s_inv, $"- Command: `{info.Command}`");
    }
}
