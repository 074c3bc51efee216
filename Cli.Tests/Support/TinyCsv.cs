using System.Globalization;
using System.Text;

namespace SimdMlp.Cli.Tests.Support;

/// <summary>
/// A small, learnable CSV classification problem: 4 features in [0, 1), three classes by which of the first three
/// features is largest, so a few epochs of a small network reach high accuracy.
/// </summary>
internal static class TinyCsv
{
    public const int Features = 4;

    public static void Write(string path, int rows, int seed, bool header = true, bool withLabel = true)
    {
        var random = new SplitMix64(seed);
        var text = new StringBuilder();
        if (header) text.AppendLine(withLabel ? "a,b,c,d,label" : "a,b,c,d");
        for (int r = 0; r < rows; r++)
        {
            double[] x = [random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble()];
            int label = x[0] >= x[1] && x[0] >= x[2] ? 0 : x[1] >= x[2] ? 1 : 2;
            text.Append(string.Join(',', x.Select(v => v.ToString("F4", CultureInfo.InvariantCulture))));
            if (withLabel) text.Append(',').Append(label.ToString(CultureInfo.InvariantCulture));
            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }
}
