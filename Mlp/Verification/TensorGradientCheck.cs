namespace SimdMlp;

/// <summary>Analytic against numeric gradient for one tensor (a layer's W or b, or the input X).</summary>
public sealed class TensorGradientCheck
{
    private readonly double[] _analytic;
    private readonly double[] _numeric;
    private readonly bool[] _skipped;

    internal TensorGradientCheck(string name, double[] analytic, double[] numeric, bool[] skipped)
    {
        Name = name;
        _analytic = analytic;
        _numeric = numeric;
        _skipped = skipped;
        for (int i = 0; i < analytic.Length; i++)
        {
            if (skipped[i])
            {
                SkippedAtKinks++;
                continue;
            }

            double error = Math.Abs(analytic[i] - numeric[i]);
            double scale = Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric[i]));
            MaxAbsoluteError = Math.Max(MaxAbsoluteError, error);
            if (scale > 0) MaxRelativeError = Math.Max(MaxRelativeError, error / scale);
        }
    }

    /// <summary>"W0", "b0", "W1", … for layers, "X" for the input.</summary>
    public string Name { get; }

    /// <summary>The backpropagated gradient (float, widened).</summary>
    public IReadOnlyList<double> Analytic => _analytic;

    /// <summary>The central finite difference of the double-precision reference loss.</summary>
    public IReadOnlyList<double> Numeric => _numeric;

    /// <summary>max |analytic − numeric| over the elements compared.</summary>
    public double MaxAbsoluteError { get; }

    /// <summary>max |analytic − numeric| / max(|analytic|, |numeric|) over the elements compared (0 where both are 0).</summary>
    public double MaxRelativeError { get; }

    /// <summary>Elements not compared because the finite difference straddled a ReLU kink.</summary>
    public int SkippedAtKinks { get; }

    /// <summary>Whether every compared element has |analytic − numeric| ≤ absolute + relative · |numeric|.</summary>
    /// <param name="absoluteTolerance">The absolute part of the bound.</param>
    /// <param name="relativeTolerance">The part proportional to the numeric value.</param>
    public bool IsWithin(double absoluteTolerance, double relativeTolerance)
    {
        for (int i = 0; i < _analytic.Length; i++)
        {
            if (!_skipped[i] && !(Math.Abs(_analytic[i] - _numeric[i]) <= absoluteTolerance + relativeTolerance * Math.Abs(_numeric[i])))
                return false;
        }

        return true;
    }

    /// <summary>The name and the maximum errors.</summary>
    public override string ToString() => FormattableString.Invariant(
        $"{Name}[{_analytic.Length}]: max abs {MaxAbsoluteError:G3}, max rel {MaxRelativeError:G3}, skipped {SkippedAtKinks}");
}
