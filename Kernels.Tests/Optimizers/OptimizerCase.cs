using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// One optimizer test case: the rule, the SIMD path (or the public API), the buffer length, the scale of weights
/// and gradients, and the seed of the data. Three steps are run (see <see cref="OptimizerProblem.Check"/>).
/// </summary>
/// <param name="Rule">The optimizer and its hyper-parameters.</param>
/// <param name="Path">The kernel family (ignored by <see cref="Public"/> cases, which use the active one).</param>
/// <param name="Length">Elements of every buffer.</param>
/// <param name="Public">Call the public API (active path) instead of a given path.</param>
/// <param name="Scale">Weights and gradients are uniform in [−Scale, Scale].</param>
/// <param name="Seed">Seed of the data.</param>
public sealed record OptimizerCase(UpdateRule Rule, SimdPath Path, int Length, bool Public = false, float Scale = 1,
    int Seed = 1)
{
    /// <summary>Largest length generated: a few 512-bit vectors past every remainder.</summary>
    public const int MaxLength = 300;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rule}[{(Public ? "public" : Path.ToString())}] n={Length} scale={Scale:R} seed={Seed}");

    /// <summary>The case for the exhaustive length sweep; the hyper-parameters rotate with the length.</summary>
    public static OptimizerCase ForLength(UpdateKind kind, SimdPath path, int length)
    {
        var rule = new UpdateRule(kind, LearningRate: length % 3 == 0 ? 0.1 : 0.01,
            WeightDecay: length % 2 == 0 ? 0 : 0.01, Dampening: length % 4 == 1 ? 0.25 : 0);
        return new(rule, path, length, Seed: length + 1);
    }

    /// <summary>Hyper-parameters of <paramref name="kind"/> from PyTorch's defaults to the edges of their ranges.</summary>
    public static Gen<UpdateRule> Rules(UpdateKind kind) =>
        from lr in Gen.Elements(0, 1e-4, 1e-3, 0.01, 0.1, 1)
        from wd in Gen.Elements(0, 0, 1e-4, 0.01, 0.5)
        from momentum in Gen.Elements(0.1, 0.5, 0.9, 0.99, 1.5)
        from dampening in Gen.Elements(0, 0, 0.1, 0.5, 1)
        from beta1 in Gen.Elements(0, 0.5, 0.9, 0.99)
        from beta2 in Gen.Elements(0, 0.9, 0.999, 0.9999)
        from epsilon in Gen.Elements(1e-8, 1e-6, 1e-3)
        select new UpdateRule(kind, lr, wd, momentum, kind == UpdateKind.Momentum ? dampening : 0, beta1, beta2,
            epsilon);

    /// <summary>Random cases for one rule kind and path: lengths weighted to vector-width edges.</summary>
    public static Gen<OptimizerCase> Generator(UpdateKind kind, SimdPath path, bool isPublic = false) =>
        from rule in Rules(kind)
        from length in EdgeGen.Dimension(MaxLength, [4, 8, 16, 32, 48, 64, 128, 256])
        from scale in Gen.Elements(1e-3f, 1f, 100f)
        from seed in EdgeGen.Seed()
        select new OptimizerCase(rule, path, length, isPublic, scale, seed);

    /// <summary>Shrinks towards shorter buffers and unit scale.</summary>
    public static IEnumerable<OptimizerCase> Shrink(OptimizerCase c)
    {
        foreach (int n in EdgeGen.ShrinkDimension(c.Length)) yield return c with { Length = n };
        if (c.Scale != 1f) yield return c with { Scale = 1f };
    }

    /// <summary>The property every case must satisfy: <see cref="OptimizerProblem.Check"/>.</summary>
    public static Property Property(UpdateKind kind, SimdPath path, bool isPublic = false) =>
        Prop.ForAll(Arb.From(Generator(kind, path, isPublic), Shrink), (OptimizerCase c) => OptimizerProblem.Check(c));
}
