namespace SimdMlp.Bench.Sgemm.Table;

/// <summary>Command line of the <c>gemm</c> quick mode.</summary>
public sealed record GemmTableOptions(SamplingPlan Plan, string? JsonPath, string? Filter)
{
    public const string Usage =
        "usage: gemm [--quick] [--json FILE] [--filter TEXT]\n" +
        "  --quick        fewer, shorter samples\n" +
        "  --json FILE    also write the rows as JSON\n" +
        "  --filter TEXT  only shapes whose label contains TEXT (e.g. \"B=64\", \"1024\", \"dW\")";

    /// <summary>Parses the arguments after the mode name; null with a message on error.</summary>
    public static GemmTableOptions? Parse(string[] args, out string? error)
    {
        var plan = SamplingPlan.Full;
        string? json = null, filter = null;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick": plan = SamplingPlan.Quick; break;
                case "--json" when i + 1 < args.Length: json = args[++i]; break;
                case "--filter" when i + 1 < args.Length: filter = args[++i]; break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        return new GemmTableOptions(plan, json, filter);
    }
}
