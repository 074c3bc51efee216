using Spectre.Console;
using Spectre.Console.Rendering;

namespace SimdMlp.Cli.Console;

/// <summary>A progress column with the training speed; the task's value counts samples, so its speed is samples/s.</summary>
internal sealed class SamplesPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is double speed
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{speed,9:N0} samples/s")
            : "  -- samples/s");
}
