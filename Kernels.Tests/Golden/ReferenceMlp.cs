namespace SimdMlp.Kernels.Tests.Golden;

/// <summary>
/// A naive double-precision forward pass of a dense network in the golden-case conventions, as the trusted reference
/// that float kernels are checked against: Z_l = A_{l−1}·W_l + b_l, A_l = act(Z_l) for hidden layers.
/// </summary>
public static class ReferenceMlp
{
    /// <summary>Slope of <c>leaky_relu</c> for negative inputs.</summary>
    public const double LeakySlope = 0.01;

    /// <summary>
    /// The forward pass of <paramref name="golden"/>: Z[l] and A[l + 1] for each layer l, with A[0] = x.
    /// The last A is the head's output Ŷ (<see cref="Head"/>).
    /// </summary>
    public static (double[][] Z, double[][] A) Forward(GoldenCase golden) =>
        Forward(golden.Sizes, golden.HiddenActivation, golden.Output, golden.Weights, golden.Biases, golden.X,
            golden.Batch);

    /// <summary>The forward pass of a network of <paramref name="sizes"/>; see <see cref="Forward(GoldenCase)"/>.</summary>
    public static (double[][] Z, double[][] A) Forward(int[] sizes, string hiddenActivation, string head,
        double[][] weights, double[][] biases, double[] x, int batch)
    {
        int layers = sizes.Length - 1;
        var z = new double[layers][];
        var a = new double[layers + 1][];
        a[0] = x;
        for (int l = 0; l < layers; l++)
        {
            int k = sizes[l], n = sizes[l + 1];
            z[l] = new double[batch * n];
            for (int i = 0; i < batch; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double sum = biases[l][j];
                    for (int p = 0; p < k; p++) sum += a[l][i * k + p] * weights[l][p * n + j];
                    z[l][i * n + j] = sum;
                }
            }

            a[l + 1] = l < layers - 1 ? z[l].Select(v => Activate(hiddenActivation, v)).ToArray() : Head(head, z[l], batch);
        }

        return (z, a);
    }

    /// <summary>A hidden activation by its golden name.</summary>
    public static double Activate(string name, double z) => name switch
    {
        "relu" => z > 0 ? z : 0,
        "leaky_relu" => z > 0 ? z : LeakySlope * z,
        "sigmoid" => Sigmoid(z),
        "tanh" => Math.Tanh(z),
        "identity" => z,
        _ => throw new InvalidDataException($"Unknown hidden activation '{name}'."),
    };

    /// <summary>The head's output Ŷ from Z_L ([batch, n]): Z itself, row softmax, or sigmoid.</summary>
    public static double[] Head(string name, double[] z, int batch) => name switch
    {
        "linear_mse" => (double[])z.Clone(),
        "sigmoid_bce" => z.Select(Sigmoid).ToArray(),
        "softmax_ce" => Softmax(z, batch),
        _ => throw new InvalidDataException($"Unknown output head '{name}'."),
    };

    /// <summary>1/(1 + e^(−z)), without overflow for large |z|.</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Row softmax of a [batch, n] matrix, shifted by the row maximum.</summary>
    public static double[] Softmax(double[] z, int batch)
    {
        int n = z.Length / batch;
        var p = new double[z.Length];
        for (int i = 0; i < batch; i++)
        {
            var row = z.AsSpan(i * n, n);
            double max = double.NegativeInfinity, sum = 0;
            foreach (double v in row) max = Math.Max(max, v);
            for (int j = 0; j < n; j++) sum += p[i * n + j] = Math.Exp(row[j] - max);
            for (int j = 0; j < n; j++) p[i * n + j] /= sum;
        }

        return p;
    }
}
