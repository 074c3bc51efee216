using SimdMlp.Kernels;

namespace SimdMlp;

/// <summary>
/// A plain double-precision forward pass and loss, independent of the float kernels: the trusted side of
/// <see cref="GradientCheck"/>. Also records on which side of its kink each ReLU / leaky-ReLU pre-activation lies,
/// so a finite difference that straddles a kink can be recognised and skipped.
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly ForwardPlan _plan;
    private readonly double[][] _activations;
    private readonly bool[] _kinks;
    private readonly int _batch;

    public ReferenceNetwork(ForwardPlan plan, int batch)
    {
        _plan = plan;
        _batch = batch;
        _activations = new double[plan.Layers.Length][];
        int kinkCount = 0;
        for (int l = 0; l < plan.Layers.Length; l++)
        {
            _activations[l] = new double[batch * plan.Layers[l].Outputs];
            if (HasKink(plan.Layers[l].Activation.Kind) && l < plan.Layers.Length - 1) kinkCount += batch * plan.Layers[l].Outputs;
        }

        _kinks = new bool[kinkCount];
    }

    /// <summary>Which side of its kink each kinked pre-activation fell on in the last <see cref="Loss"/>.</summary>
    public ReadOnlySpan<bool> KinkSides => _kinks;

    /// <summary>The head's batch-mean loss for double parameters, inputs [batch, n_0] and targets [batch, n_L].</summary>
    public double Loss(ReadOnlySpan<double> parameters, ReadOnlySpan<double> inputs, ReadOnlySpan<double> targets)
    {
        LayerPlan[] layers = _plan.Layers;
        ReadOnlySpan<double> a = inputs;
        int kink = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            LayerPlan layer = layers[l];
            double[] z = _activations[l];
            ReadOnlySpan<double> w = parameters.Slice(layer.WeightOffset, layer.Inputs * layer.Outputs);
            ReadOnlySpan<double> b = parameters.Slice(layer.BiasOffset, layer.Outputs);
            bool hidden = l < layers.Length - 1;
            for (int i = 0; i < _batch; i++)
            {
                for (int j = 0; j < layer.Outputs; j++)
                {
                    double sum = b[j];
                    for (int p = 0; p < layer.Inputs; p++) sum += a[i * layer.Inputs + p] * w[p * layer.Outputs + j];
                    if (hidden && HasKink(layer.Activation.Kind)) _kinks[kink++] = sum > 0;
                    z[i * layer.Outputs + j] = hidden ? Activate(layer.Activation, sum) : sum;
                }
            }

            a = z;
        }

        return HeadLoss(a, targets);
    }

    /// <summary>g(z) in double; GELU uses the same tanh approximation as the kernels.</summary>
    public static double Activate(ActivationFunction f, double z) => f.Kind switch
    {
        ActivationKind.Relu => z > 0 ? z : 0,
        ActivationKind.LeakyRelu => z > 0 ? z : f.LeakySlope * z,
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-z)),
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Gelu => 0.5 * z * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z))),
        _ => z,
    };

    private double HeadLoss(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets)
    {
        int n = _plan.OutputSize;
        double total = 0;
        for (int i = 0; i < _batch; i++)
        {
            ReadOnlySpan<double> z = logits.Slice(i * n, n);
            ReadOnlySpan<double> y = targets.Slice(i * n, n);
            switch (_plan.Head)
            {
                case OutputHead.SoftmaxCrossEntropy:
                    double max = double.NegativeInfinity;
                    foreach (double v in z) max = Math.Max(max, v);
                    double sum = 0;
                    foreach (double v in z) sum += Math.Exp(v - max);
                    double logSum = max + Math.Log(sum);
                    for (int j = 0; j < n; j++) total -= y[j] * (z[j] - logSum);
                    break;
                case OutputHead.SigmoidBinaryCrossEntropy:
                    for (int j = 0; j < n; j++) total += Math.Max(z[j], 0) - z[j] * y[j] + Math.Log(1 + Math.Exp(-Math.Abs(z[j])));
                    break;
                default:
                    for (int j = 0; j < n; j++) total += 0.5 * (z[j] - y[j]) * (z[j] - y[j]);
                    break;
            }
        }

        return total / _batch;
    }

    private static bool HasKink(ActivationKind kind) => kind is ActivationKind.Relu or ActivationKind.LeakyRelu;
}
