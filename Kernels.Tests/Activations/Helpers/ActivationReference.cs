namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>Double-precision reference activations, derivatives and the error each float kernel is allowed.</summary>
public static class ActivationReference
{
    /// <summary>Every elementwise activation, with leaky ReLU at a non-default slope so the slope is really used.</summary>
    public static readonly ActivationFunction[] All =
    [
        ActivationKind.Identity, ActivationKind.Relu, new(ActivationKind.LeakyRelu, 0.2f), ActivationKind.Sigmoid,
        ActivationKind.Tanh, ActivationKind.Gelu,
    ];

    /// <summary>2√(2/π): GELU's w = z (k₁ + k₃ z²) = 2 · √(2/π) (z + 0.044715 z³).</summary>
    public static readonly double GeluK1 = 2 * Math.Sqrt(2 / Math.PI);

    /// <summary>0.044715 k₁.</summary>
    public static readonly double GeluK3 = 0.044715 * GeluK1;

    /// <summary>σ(x), overflow-free.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>GELU's sigmoid argument w = 2u.</summary>
    public static double GeluW(double z) => z * (GeluK1 + GeluK3 * z * z);

    /// <summary>g(z).</summary>
    public static double Forward(ActivationFunction f, double z) => f.Kind switch
    {
        ActivationKind.Identity => z,
        ActivationKind.Relu => double.IsNaN(z) ? z : Math.Max(z, 0),
        ActivationKind.LeakyRelu => z > 0 ? z : z * f.LeakySlope,
        ActivationKind.Sigmoid => Sigmoid(z),
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Gelu => z * Sigmoid(GeluW(z)),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>g′(z), the true derivative (ReLU′(0) = 0, leaky ReLU′(0) = slope).</summary>
    public static double Derivative(ActivationFunction f, double z)
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: return 1;
            case ActivationKind.Relu: return z > 0 ? 1 : 0;
            case ActivationKind.LeakyRelu: return z > 0 ? 1 : f.LeakySlope;
            case ActivationKind.Sigmoid: { double s = Sigmoid(z); return s * (1 - s); }
            case ActivationKind.Tanh: { double t = Math.Tanh(z); return 1 - t * t; }
            case ActivationKind.Gelu:
                {
                    // Beyond |z| = 30, s (1 − s) underflows to 0 (the kernel clamps z there so z³ cannot make ∞ · 0).
                    double s = Sigmoid(GeluW(z));
                    return Math.Abs(z) >= 30 ? s : s + z * s * (1 - s) * (GeluK1 + 3 * GeluK3 * z * z);
                }
            default: throw new ArgumentOutOfRangeException(nameof(f));
        }
    }

    /// <summary>dA · g′ evaluated, as the kernel documents, from the saved value (A or Z) exactly as stored.</summary>
    public static double Backward(ActivationFunction f, double dA, double saved) => f.Kind switch
    {
        ActivationKind.Identity => dA,
        ActivationKind.Relu => saved > 0 ? dA : 0,
        ActivationKind.LeakyRelu => saved > 0 ? dA : dA * f.LeakySlope,
        ActivationKind.Sigmoid => dA * saved * (1 - saved),
        ActivationKind.Tanh => dA * (1 - saved * saved),
        ActivationKind.Gelu => dA * Derivative(f, saved),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>The saved value for backward: g(z) as the float kernel computes it, or z itself.</summary>
    public static float Saved(ActivationFunction f, float z, float a) => f.Saved == SavedForBackward.Input ? z : a;

    /// <summary>
    /// A few subnormal ULPs (2^−149) times the gradient: derivatives below the normal range (e^w underflowing in the
    /// GELU and sigmoid tails) may flush to 0 a little early.
    /// </summary>
    private static double SubnormalFloor(float dA) => (Math.Abs((double)dA) + 1) * Math.ScaleB(1.0, -146);

    /// <summary>
    /// Allowed forward error in ULPs at z. GELU also gets |w| · 3 ULP: w is rounded from float arithmetic and the
    /// negative tail z·e^w amplifies that relative error by |w| (documented on <see cref="GeluOperator"/>).
    /// </summary>
    public static double ForwardUlps(ActivationFunction f, float z) => f.Kind switch
    {
        ActivationKind.Identity or ActivationKind.Relu => 0,
        ActivationKind.LeakyRelu => 0.5,
        ActivationKind.Sigmoid => VectorMath.SigmoidMaxUlp,
        ActivationKind.Tanh => VectorMath.TanhMaxUlp,
        ActivationKind.Gelu => float.IsNaN(z) ? 0 : 4 + 3 * Math.Abs(GeluW(z)),
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    /// <summary>
    /// Allowed backward error: an absolute bound (on |dZ − reference|) for the formula evaluated at the saved value.
    /// Sums of terms get their magnitude, not the (possibly cancelling) result, as scale.
    /// </summary>
    public static double BackwardBound(ActivationFunction f, float dA, float saved)
    {
        double reference = Math.Abs(Backward(f, dA, saved));
        const double Eps = 1.0 / (1 << 24); // unit round-off u
        switch (f.Kind)
        {
            case ActivationKind.Identity: case ActivationKind.Relu: return 0;
            case ActivationKind.LeakyRelu: return Eps * reference + SubnormalFloor(dA);
            case ActivationKind.Sigmoid: case ActivationKind.Tanh: return 4 * Eps * reference + SubnormalFloor(dA);
            case ActivationKind.Gelu:
                {
                    double z = saved, w = GeluW(z), s = Sigmoid(w);
                    double term = Math.Abs(z) >= 30 ? 0 : Math.Abs(z * s * (1 - s) * (GeluK1 + 3 * GeluK3 * z * z));
                    double magnitude = Math.Abs(dA) * (s + term);
                    // Where e^w is subnormal it carries an absolute error of 2^−150, which the z·w′ factor then scales.
                    double subnormal = Math.Abs(z) >= 30 ? 0 : Math.Abs(dA * z * (GeluK1 + 3 * GeluK3 * z * z)) * Math.ScaleB(1.0, -148);
                    return magnitude == 0 || double.IsNaN(magnitude) ? SubnormalFloor(dA)
                        : (16 + 4 * Math.Abs(w)) * Eps * magnitude + subnormal + SubnormalFloor(dA);
                }
            default: throw new ArgumentOutOfRangeException(nameof(f));
        }
    }
}
