using System.Globalization;
using System.Text;

namespace SimdMlp.Cli.Output;

/// <summary>
/// The output of <c>predict</c>: a header <c>p0,…,p{k−1},predicted</c>, then per input row the class probabilities and
/// the arg-max class. Floats use the invariant round-trip format ("R"), so two builds (JIT, Native AOT) that compute the
/// same bits write the same bytes.
/// </summary>
internal static class PredictionCsv
{
    public static void Write(Stream stream, ReadOnlySpan<float> probabilities, int classes)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true)
        {
            NewLine = "\n",
        };
        var line = new StringBuilder();
        for (int c = 0; c < classes; c++) line.Append('p').Append(c.ToString(CultureInfo.InvariantCulture)).Append(',');
        writer.WriteLine(line.Append("predicted"));

        for (int row = 0; row < probabilities.Length / classes; row++)
        {
            ReadOnlySpan<float> p = probabilities.Slice(row * classes, classes);
            line.Clear();
            int best = 0;
            for (int c = 0; c < classes; c++)
            {
                line.Append(p[c].ToString("R", CultureInfo.InvariantCulture)).Append(',');
                if (p[c] > p[best]) best = c;
            }

            writer.WriteLine(line.Append(best.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
