using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Optimizers;

/// <summary>
/// Random hyper-parameters, lengths and scales (see <see cref="OptimizerCase.Generator"/>) against the double
/// reference and the scalar path: on the widest accelerated path (the narrower ones share the driver and are swept
/// by <see cref="OptimizerLengthTests"/>) and through the public API.
/// </summary>
public sealed class OptimizerPropertyTests
{
    private const int Cases = 40;

    private static SimdPath Widest => SimdPaths.Accelerated[^1];

    [Property(MaxTest = Cases)]
    public Property Sgd() => OptimizerCase.Property(UpdateKind.Sgd, Widest);

    [Property(MaxTest = Cases)]
    public Property Momentum() => OptimizerCase.Property(UpdateKind.Momentum, Widest);

    [Property(MaxTest = Cases)]
    public Property Nesterov() => OptimizerCase.Property(UpdateKind.Nesterov, Widest);

    [Property(MaxTest = Cases)]
    public Property Adam() => OptimizerCase.Property(UpdateKind.Adam, Widest);

    [Property(MaxTest = Cases)]
    public Property AdamW() => OptimizerCase.Property(UpdateKind.AdamW, Widest);

    [Property(MaxTest = Cases)]
    public Property Public_api() =>
        Prop.ForAll(Arb.From(
                from kind in Gen.Elements(Enum.GetValues<UpdateKind>())
                from c in OptimizerCase.Generator(kind, Widest, isPublic: true)
                select c,
                OptimizerCase.Shrink),
            (OptimizerCase c) => OptimizerProblem.Check(c));
}
