using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SimdMlp.Kernels.Tests.Support;

namespace SimdMlp.Kernels.Tests.Losses;

/// <summary>The loss kernels under test.</summary>
public enum LossKind
{
    /// <summary>Softmax + cross-entropy with class-index labels.</summary>
    SoftmaxLabels,

    /// <summary>Softmax + cross-entropy with target rows (one-hot or soft).</summary>
    SoftmaxTargets,

    /// <summary>Sigmoid + binary cross-entropy.</summary>
    SigmoidBinaryCrossEntropy,

    /// <summary>Linear head + half squared error.</summary>
    HalfSquaredError,
}

/// <summary>
/// One loss test case: kind, SIMD path, shape, the scale of the logits, which outputs are asked for and how, and the
/// seed of the data. Everything else derives from <see cref="Seed"/>, so a case printed by FsCheck replays exactly.
/// </summary>
/// <param name="Kind">The loss.</param>
/// <param name="Path">The kernel family (ignored by <see cref="Public"/> cases, which use the active one).</param>
/// <param name="Batch">m.</param>
/// <param name="Columns">n, classes or outputs per row.</param>
/// <param name="Scale">Logits (and regression values) are uniform in [−Scale, Scale].</param>
/// <param name="Probabilities">Ask for Ŷ too.</param>
/// <param name="InPlace">Pass the logits buffer as dLogits.</param>
/// <param name="Public">Call the public <see cref="Losses"/> API (validation, active path) instead of the kernel entry.</param>
/// <param name="Seed">Seed of the data.</param>
public sealed record LossCase(LossKind Kind, SimdPath Path, int Batch, int Columns, float Scale = 4,
    bool Probabilities = false, bool InPlace = false, bool Public = false, int Seed = 1)
{
    /// <summary>Largest n generated: a few vectors of every width past the widest.</summary>
    public const int MaxColumns = 300;

    /// <summary>Elements of Z.</summary>
    public int Length => Batch * Columns;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Kind}[{(Public ? "public" : Path.ToString())}] m={Batch} n={Columns} scale={Scale:R}" +
        $"{(Probabilities ? " +probabilities" : "")}{(InPlace ? " in-place" : "")} seed={Seed}");

    /// <summary>
    /// The case for the exhaustive length sweep: <paramref name="length"/> is n for softmax (with m = 1..3) and the
    /// whole m·n otherwise (m = 3, 2 or 1, whichever divides it); the output options rotate with the length.
    /// </summary>
    public static LossCase ForLength(LossKind kind, SimdPath path, int length)
    {
        bool softmax = kind is LossKind.SoftmaxLabels or LossKind.SoftmaxTargets;
        int batch = length == 0 ? 0 : softmax ? 1 + length % 3 : length % 3 == 0 ? 3 : length % 2 == 0 ? 2 : 1;
        int columns = softmax || batch == 0 ? length : length / batch;
        return new(kind, path, batch, columns, Probabilities: length % 2 == 1, InPlace: length % 4 >= 2,
            Seed: length + 1);
    }

    /// <summary>
    /// Random cases for one kind and path: n weighted to vector-width edges (up to <see cref="MaxColumns"/>),
    /// m up to 8, logits from tame to ±1e4, every combination of the output options.
    /// </summary>
    public static Gen<LossCase> Generator(LossKind kind, SimdPath path, bool isPublic = false) =>
        from batch in Gen.Frequency((1, Gen.Constant(0)), (8, Gen.Choose(1, 8)))
        from columns in EdgeGen.Dimension(MaxColumns, [4, 8, 16, 32, 48, 64, 128, 256])
        where kind is not (LossKind.SoftmaxLabels or LossKind.SoftmaxTargets) || columns > 0 || batch == 0
        from scale in Gen.Elements(0.5f, 4f, 30f, 100f, 1e4f)
        from probabilities in Gen.Elements(false, true)
        from inPlace in Gen.Elements(false, true)
        from seed in EdgeGen.Seed()
        select new LossCase(kind, path, batch, columns, scale, probabilities, inPlace, isPublic, seed);

    /// <summary>Shrinks towards smaller shapes, tame logits and plain outputs.</summary>
    public static IEnumerable<LossCase> Shrink(LossCase c)
    {
        foreach (int m in EdgeGen.ShrinkDimension(c.Batch)) yield return c with { Batch = m };
        foreach (int n in EdgeGen.ShrinkDimension(c.Columns)) yield return c with { Columns = n };
        if (c.Scale != 4f) yield return c with { Scale = 4f };
        if (c.Probabilities) yield return c with { Probabilities = false };
        if (c.InPlace) yield return c with { InPlace = false };
    }

    /// <summary>The property every case must satisfy: <see cref="LossProblem.Check"/>.</summary>
    public static Property Property(LossKind kind, SimdPath path, bool isPublic = false) =>
        Prop.ForAll(Arb.From(Generator(kind, path, isPublic), Shrink), (LossCase c) => LossProblem.Check(c));
}
