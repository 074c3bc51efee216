using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;
using SimdMlp.Cli.Training;
using SimdMlp.Training;

namespace SimdMlp.Cli.Output;

/// <summary>
/// The training curves as an SVG: train and test loss on the left axis, test accuracy on the right, epochs along the
/// bottom. OxyPlot.Core's SvgExporter is plain managed code (no native graphics library), so it works under Native AOT.
/// </summary>
internal static class CurvePlot
{
    private const string LossAxis = "loss";
    private const string AccuracyAxis = "accuracy";

    public static void WriteSvg(Stream stream, TrainingSummary summary)
    {
        // The workaround places text by computed offsets instead of dominant-baseline, which some viewers (librsvg,
        // Inkscape) ignore, shifting every label by half a line.
        var exporter = new SvgExporter { Width = 900, Height = 560, UseVerticalTextAlignmentWorkaround = true };
        exporter.Export(Build(summary), stream);
    }

    internal static PlotModel Build(TrainingSummary summary)
    {
        var model = new PlotModel
        {
            Title = "simdmlp training curves",
            Subtitle = $"{summary.Architecture} on {summary.Data} ({summary.TrainCount:N0} train / {summary.TestCount:N0} test samples)",
            Background = OxyColors.White,
            // OxyPlot measures text with Helvetica's metrics, so name fonts of that width first.
            DefaultFont = "Arial, Helvetica, Liberation Sans, sans-serif",
            PlotMargins = new OxyThickness(70, double.NaN, 70, double.NaN),
        };
        model.Legends.Add(new Legend
        {
            // Below the plot, so it never hides a curve. Padding, because OxyPlot clips the legend to text widths measured
            // with Helvetica metrics, and a viewer without Arial or Helvetica draws wider text (DejaVu Sans on Debian).
            LegendPosition = LegendPosition.BottomCenter,
            LegendPlacement = LegendPlacement.Outside,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendItemSpacing = 40,
            LegendSymbolLength = 30,
            LegendPadding = 30,
        });

        int epochs = summary.History.Count;
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = "Epoch",
            Minimum = 1,
            Maximum = Math.Max(epochs, 2),
            MajorStep = Math.Max(1, Math.Ceiling(epochs / 10.0)),
            MinorStep = 1,
            MajorGridlineStyle = LineStyle.Dot,
            AxisTitleDistance = 6,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            AxisTitleDistance = 12,
            Key = LossAxis,
            Title = "Cross-entropy loss",
            Minimum = 0,
            MajorGridlineStyle = LineStyle.Dot,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Right,
            Key = AccuracyAxis,
            Title = "Test accuracy",
            AxisTitleDistance = 12,
            StringFormat = "0%",
            Maximum = 1,
        });

        model.Series.Add(Line("Train loss", LossAxis, OxyColors.SteelBlue, LineStyle.Solid, summary.History, e => e.TrainLoss));
        model.Series.Add(Line("Test loss", LossAxis, OxyColors.SteelBlue, LineStyle.Dash, summary.History, e => e.TestLoss));
        model.Series.Add(Line("Test accuracy", AccuracyAxis, OxyColors.OrangeRed, LineStyle.Solid, summary.History, e => e.TestAccuracy));
        return model;
    }

    private static LineSeries Line(string title, string axis, OxyColor color, LineStyle style, IReadOnlyList<EpochMetrics> history,
        Func<EpochMetrics, double> value)
    {
        var series = new LineSeries
        {
            Title = title,
            YAxisKey = axis,
            Color = color,
            LineStyle = style,
            StrokeThickness = 2,
            MarkerType = MarkerType.Circle,
            MarkerSize = 3,
            MarkerFill = color,
        };
        foreach (EpochMetrics epoch in history)
        {
            double y = value(epoch);
            if (double.IsFinite(y)) series.Points.Add(new DataPoint(epoch.Epoch, y));
        }

        return series;
    }
}
