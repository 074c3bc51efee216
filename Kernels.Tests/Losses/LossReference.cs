using SimdMlp.Kernels.Tests.Golden;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>A loss evaluated in double: the loss, the head's output Ŷ, dZ = (Ŷ − Y)/m, and error bounds for a float kernel.</summary>
/// <param name="Loss">L.</param>
/// <param name="Output">Ŷ (Z itself for the linear head).</param>
/// <param name="DZ">(Ŷ − Y)/m.</param>
/// <param name="LossBound">How far a correct float kernel's loss may be from <paramref name="Loss"/>.</param>
/// <param name="OutputBound">Per element, how far a correct float kernel's Ŷ may be.</param>
/// <param name="DZBound">Per element, how far a correct float kernel's dZ may be.</param>
public sealed record LossResult(double Loss, double[] Output, double[] DZ, double LossBound, double[] OutputBound,
    double[] DZBound);

/// <summary>
/// Scalar double-precision references for the three heads, with float error bounds derived from the kernels'
/// operations (see each method). ε = 2⁻²³; every bound carries a safety factor of 2 and an absolute floor of a few
/// subnormal units, since exponentials can land there.
/// </summary>
public static class LossReference
{
    private const double Eps = 1.0 / (1 << 23);
    private const double Safety = 2;
    private const double Floor = 1e-43;

    /// <summary>
    /// Softmax + cross-entropy: L = −1/m Σ y·log p. Bounds: the float row sum of n exponentials has relative error
    /// below n·ε/2, and exp and the scaling add a few ε; z − max itself rounds, by up to |z − max|·ε/2, which exp
    /// turns into that much relative error (its condition number), in each term and so in s by
    /// shift = Σ p·|z − max|·ε/2. So p is within ((n + 8)·ε + (|z − max|·ε/2 + shift))·p, and the row loss formed
    /// from the sums within (n + 8)·ε·(Σy·(1 + |ln s|) + Σ|y·(z − max)|) + shift·Σy.
    /// </summary>
    public static LossResult SoftmaxCrossEntropy(ReadOnlySpan<double> z, ReadOnlySpan<double> y, int batch)
    {
        int n = batch == 0 ? 0 : z.Length / batch;
        var p = new double[z.Length];
        var dz = new double[z.Length];
        var pBound = new double[z.Length];
        var dzBound = new double[z.Length];
        double loss = 0, lossBound = 0;
        for (int i = 0; i < batch; i++)
        {
            var zRow = z.Slice(i * n, n);
            var yRow = y.Slice(i * n, n);
            double max = double.NegativeInfinity, sum = 0, ySum = 0, shiftedMagnitude = 0;
            foreach (double v in zRow) max = Math.Max(max, v);
            foreach (double v in zRow) sum += Math.Exp(v - max);
            double logSum = Math.Log(sum), shift = 0;
            foreach (double v in zRow) shift += Math.Exp(v - max) / sum * (max - v) * Eps / 2;
            for (int j = 0; j < n; j++)
            {
                int k = i * n + j;
                p[k] = Math.Exp(zRow[j] - max) / sum;
                dz[k] = (p[k] - yRow[j]) / batch;
                loss -= yRow[j] == 0 ? 0 : yRow[j] * (zRow[j] - max - logSum);
                ySum += yRow[j];
                shiftedMagnitude += Math.Abs(yRow[j] * (zRow[j] - max));
                pBound[k] = Safety * ((n + 8) * Eps + (max - zRow[j]) * Eps / 2 + shift) * p[k] + Floor;
                dzBound[k] = (pBound[k] + Safety * 2 * Eps * Math.Abs(p[k] - yRow[j])) / batch + Floor;
            }

            lossBound += Safety * ((n + 8) * Eps * (ySum * (1 + Math.Abs(logSum)) + shiftedMagnitude) + shift * ySum);
        }

        loss = batch == 0 ? 0 : loss / batch;
        lossBound = (batch == 0 ? 0 : lossBound / batch) + Safety * Eps * Math.Abs(loss) + Floor;
        return new(loss, p, dz, lossBound, pBound, dzBound);
    }

    /// <summary>One-hot rows [labels.Length, classes] of class-index labels.</summary>
    public static double[] OneHot(ReadOnlySpan<int> labels, int classes)
    {
        var y = new double[labels.Length * classes];
        for (int i = 0; i < labels.Length; i++) y[i * classes + labels[i]] = 1;
        return y;
    }

    /// <summary>
    /// Sigmoid + binary cross-entropy, L = 1/m Σ [max(z, 0) − z·y + log1p(e^(−|z|))]. Bounds: σ from exp (1 ulp)
    /// and three roundings, within 6ε·σ; each loss term within 2ε·(|max(z, 0)| + |z·y|) + 8ε·log1p + 2ε·|term|.
    /// </summary>
    public static LossResult SigmoidBinaryCrossEntropy(ReadOnlySpan<double> z, ReadOnlySpan<double> y, int batch)
    {
        var p = new double[z.Length];
        var dz = new double[z.Length];
        var pBound = new double[z.Length];
        var dzBound = new double[z.Length];
        double loss = 0, lossBound = 0;
        for (int k = 0; k < z.Length; k++)
        {
            double softplus = Log1p(Math.Exp(-Math.Abs(z[k])));
            double term = Math.Max(z[k], 0) - z[k] * y[k] + softplus;
            loss += term;
            lossBound += Safety * (2 * Eps * (Math.Max(z[k], 0) + Math.Abs(z[k] * y[k])) + 8 * Eps * softplus
                + 2 * Eps * Math.Abs(term));
            p[k] = ReferenceMlp.Sigmoid(z[k]);
            dz[k] = (p[k] - y[k]) / batch;
            pBound[k] = Safety * 6 * Eps * p[k] + Floor;
            dzBound[k] = (pBound[k] + Safety * 2 * Eps * Math.Abs(p[k] - y[k])) / batch + Floor;
        }

        loss = batch == 0 ? 0 : loss / batch;
        lossBound = (batch == 0 ? 0 : lossBound / batch) + Safety * Eps * Math.Abs(loss) + Floor;
        return new(loss, p, dz, lossBound, pBound, dzBound);
    }

    /// <summary>
    /// Half squared error, L = 1/(2m) Σ (ŷ − y)². Bounds: d = ŷ − y and d² each round once, dZ = d·(1/m) twice more.
    /// </summary>
    public static LossResult HalfSquaredError(ReadOnlySpan<double> predictions, ReadOnlySpan<double> y, int batch)
    {
        var dz = new double[predictions.Length];
        var dzBound = new double[predictions.Length];
        double loss = 0;
        for (int k = 0; k < predictions.Length; k++)
        {
            double d = predictions[k] - y[k];
            loss += d * d;
            dz[k] = d / batch;
            dzBound[k] = Safety * 3 * Eps * Math.Abs(dz[k]) + Floor;
        }

        loss = batch == 0 ? 0 : loss / (2.0 * batch);
        double lossBound = Safety * 4 * Eps * loss + Floor;
        return new(loss, predictions.ToArray(), dz, lossBound, new double[predictions.Length], dzBound);
    }

    /// <summary>ln(1 + x) to full double precision for small x (Goldberg's trick; Math has no log1p).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }
}
