using System.Globalization;

namespace SimdMlp.Bench.Mlp;

/// <summary>Command line of the <c>mlp</c> quick mode.</summary>
public sealed record MlpBenchOptions(MlpBenchPlan Plan, string? JsonPath, bool Fashion, FashionSettings FashionSettings)
{
    public const string Usage =
        "usage: mlp [--quick] [--json FILE] [--fashion [--fashion-batch N] [--fashion-lr LR] [--fashion-seed S]]\n" +
        "  --quick            fewer, shorter samples\n" +
        "  --json FILE        also write the results as JSON\n" +
        "  --fashion          also train 784-256-128-10 on Fashion-MNIST for 10 epochs at 2 threads\n" +
        "                     (Debian: apt-get install -y dataset-fashion-mnist)\n" +
        "  --fashion-batch N  mini-batch size of that run (default 256)\n" +
        "  --fashion-lr LR    Adam base learning rate of that run (default 3e-3)\n" +
        "  --fashion-seed S   seed of the initial weights and the shuffles (default 1)";

    /// <summary>Parses the arguments after the mode name; null with a message on error.</summary>
    public static MlpBenchOptions? Parse(string[] args, out string? error)
    {
        var plan = MlpBenchPlan.Full;
        string? json = null;
        bool fashion = false;
        var settings = FashionSettings.Default;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": plan = MlpBenchPlan.Quick; break;
                case "--json" when i + 1 < args.Length: json = args[++i]; break;
                case "--fashion": fashion = true; break;
                case "--fashion-batch" when i + 1 < args.Length
                    && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int batch) && batch >= 1:
                    settings = settings with { Batch = batch };
                    i++;
                    break;
                case "--fashion-lr" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double lr) && lr > 0 && double.IsFinite(lr):
                    settings = settings with { LearningRate = lr };
                    i++;
                    break;
                case "--fashion-seed" when i + 1 < args.Length
                    && int.TryParse(args[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed):
                    settings = settings with { Seed = seed };
                    i++;
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        return new MlpBenchOptions(plan, json, fashion, settings);
    }
}
