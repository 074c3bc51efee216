namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>One element after one step, in double, with how far a correct float kernel may be from each value.</summary>
public readonly record struct ReferenceStep(double Weight, double State1, double State2, double WeightBound,
    double State1Bound, double State2Bound);

/// <summary>
/// PyTorch's update rules for one element and one step, evaluated in double from the float inputs, with error
/// bounds for a float kernel that follows from its operations: each rounding costs ε = 2⁻²³ of the magnitude it
/// rounds, propagated through the formula (absolute values of every term), with a safety factor of 2.
/// </summary>
public static class OptimizerReference
{
    private const double Eps = 1.0 / (1 << 23);
    private const double Safety = 2;
    private const double Floor = 1e-38;

    /// <summary>One step of <paramref name="rule"/> on one element. States are ignored as inputs on step 1.</summary>
    public static ReferenceStep Step(UpdateRule rule, double w, double g, double s1, double s2, int step) => rule.Kind switch
    {
        UpdateKind.Sgd => Sgd(rule, w, g),
        UpdateKind.Momentum or UpdateKind.Nesterov => Momentum(rule, w, g, s1, step),
        _ => Adam(rule, w, g, s1, s2, step),
    };

    private static ReferenceStep Sgd(UpdateRule r, double w, double g)
    {
        double gradient = g + r.WeightDecay * w;
        double next = w - r.LearningRate * gradient;
        double magnitude = Math.Abs(w) + r.LearningRate * (Math.Abs(g) + r.WeightDecay * Math.Abs(w));
        return new(next, 0, 0, Safety * 4 * Eps * magnitude + Floor, 0, 0);
    }

    private static ReferenceStep Momentum(UpdateRule r, double w, double g, double v, int step)
    {
        bool nesterov = r.Kind == UpdateKind.Nesterov;
        double gradient = g + r.WeightDecay * w;
        double gMagnitude = Math.Abs(g) + r.WeightDecay * Math.Abs(w);
        double scale = step == 1 || nesterov ? 1 : 1 - r.Dampening;
        double velocity = step == 1 ? gradient : r.Momentum * v + scale * gradient;
        double vMagnitude = (step == 1 ? 0 : r.Momentum * Math.Abs(v)) + Math.Abs(scale) * gMagnitude;
        double update = nesterov ? gradient + r.Momentum * velocity : velocity;
        double uMagnitude = nesterov ? gMagnitude + r.Momentum * vMagnitude : vMagnitude;
        double next = w - r.LearningRate * update;
        return new(next, velocity, 0, Safety * 4 * Eps * (Math.Abs(w) + r.LearningRate * uMagnitude) + Floor,
            Safety * 4 * Eps * vMagnitude + Floor, 0);
    }

    private static ReferenceStep Adam(UpdateRule r, double w, double g, double m, double v, int step)
    {
        bool decoupled = r.Kind == UpdateKind.AdamW;
        double l2 = decoupled ? 0 : r.WeightDecay;
        double decay = decoupled ? 1 - r.LearningRate * r.WeightDecay : 1;
        if (step == 1) m = v = 0;

        double gradient = g + l2 * w;
        double gMagnitude = Math.Abs(g) + l2 * Math.Abs(w);
        double first = m + (1 - r.Beta1) * (gradient - m);
        double firstError = 3 * Eps * (Math.Abs(m) + (1 - r.Beta1) * (gMagnitude + Math.Abs(m)));
        double second = r.Beta2 * v + (1 - r.Beta2) * gradient * gradient;
        double secondError = 4 * Eps * second + 3 * Eps * (1 - r.Beta2) * gMagnitude * gMagnitude;

        double stepSize = r.LearningRate / (1 - Math.Pow(r.Beta1, step));
        double sqrtCorrection = Math.Sqrt(1 - Math.Pow(r.Beta2, step));
        double root = Math.Sqrt(second);
        // |√a − √b| ≤ min(|a − b|/(2√a), √|a − b|), then the division and the addition of ε round too.
        double rootError = Math.Min(root > 0 ? secondError / (2 * root) : double.PositiveInfinity, Math.Sqrt(secondError))
            + Eps * root;
        double denominator = root / sqrtCorrection + r.Epsilon;
        double denominatorError = rootError / sqrtCorrection + 3 * Eps * denominator;
        double delta = stepSize * first / denominator;
        double deltaError = denominator > denominatorError
            ? stepSize * (firstError / denominator
                + Math.Abs(first) * denominatorError / (denominator * (denominator - denominatorError)))
                + 3 * Eps * Math.Abs(delta)
            : double.PositiveInfinity;
        double next = w * decay - delta;
        double weightError = 3 * Eps * Math.Abs(w) + deltaError + Eps * Math.Abs(next);
        return new(next, first, second, Safety * weightError + Floor, Safety * firstError + Floor,
            Safety * secondError + Floor);
    }
}
