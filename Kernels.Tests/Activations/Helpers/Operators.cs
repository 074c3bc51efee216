namespace SimdMlp.Kernels.Tests.Activations;

/// <summary>Something to do with a concrete operator type (xUnit theories cannot be generic).</summary>
public interface IActivationVisitor
{
    void Visit<TAct>(TAct activation) where TAct : struct, IActivationOperator;
}

/// <summary>Maps a run-time <see cref="ActivationFunction"/> to its operator struct.</summary>
public static class Operators
{
    public static void Accept(ActivationFunction f, IActivationVisitor visitor)
    {
        switch (f.Kind)
        {
            case ActivationKind.Identity: visitor.Visit(default(IdentityOperator)); break;
            case ActivationKind.Relu: visitor.Visit(default(ReluOperator)); break;
            case ActivationKind.LeakyRelu: visitor.Visit(new LeakyReluOperator(f.LeakySlope)); break;
            case ActivationKind.Sigmoid: visitor.Visit(default(SigmoidOperator)); break;
            case ActivationKind.Tanh: visitor.Visit(default(TanhOperator)); break;
            case ActivationKind.Gelu: visitor.Visit(default(GeluOperator)); break;
            default: throw new ArgumentOutOfRangeException(nameof(f));
        }
    }

    /// <summary>Theory data: every activation, by name (the <see cref="ActivationFunction"/> is looked up again in the test).</summary>
    public static Xunit.TheoryData<string> Names => new(ActivationReference.All.Select(Name));

    public static string Name(ActivationFunction f) => f.Kind.ToString();

    public static ActivationFunction ByName(string name) => ActivationReference.All.Single(f => Name(f) == name);
}
