using BenchmarkDotNet.Attributes;

namespace SimdMlp.Bench.Elementwise;

/// <summary>
/// Shared sizes and data for the activation benchmarks: 4 Ki (L1), 64 Ki (L2) and 4 Mi (memory) floats, values in
/// [−8, 8] where every activation does real work. Matrix benchmarks view the data as rows of <see cref="Columns"/>.
/// </summary>
public abstract class ElementwiseBenchBase
{
    /// <summary>Row length of the [m, n] benchmarks (an MLP layer width).</summary>
    public const int Columns = 1024;

    [Params(4 * 1024, 64 * 1024, 4 * 1024 * 1024)]
    public int Size { get; set; }

    protected float[] X { get; private set; } = [];

    protected float[] DA { get; private set; } = [];

    protected float[] A { get; private set; } = [];

    protected float[] Destination { get; private set; } = [];

    protected float[] Temp1 { get; private set; } = [];

    protected float[] Temp2 { get; private set; } = [];

    protected float[] Temp3 { get; private set; } = [];

    protected float[] Bias { get; private set; } = [];

    protected float[] DBias { get; private set; } = [];

    /// <summary>GELU's k₁ = 2√(2/π) in every element: TensorPrimitives.MultiplyAdd takes a scalar multiplier but a span addend.</summary>
    protected float[] GeluK1 { get; private set; } = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        X = Fill(Size, () => (float)(random.NextDouble() * 16 - 8));
        DA = Fill(Size, () => (float)(random.NextDouble() * 2 - 1));
        A = Fill(Size, () => (float)random.NextDouble()); // a sigmoid-like output in [0, 1)
        Destination = new float[Size];
        Temp1 = new float[Size];
        Temp2 = new float[Size];
        Temp3 = new float[Size];
        Bias = Fill(Columns, () => (float)(random.NextDouble() * 2e-3 - 1e-3));
        DBias = new float[Columns];
        GeluK1 = Fill(Size, () => 1.5957691216057308f);
    }

    private static float[] Fill(int n, Func<float> next)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++) values[i] = next();
        return values;
    }
}
