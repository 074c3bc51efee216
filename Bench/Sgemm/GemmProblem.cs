namespace SimdMlp.Bench.Sgemm;

/// <summary>The inputs of one shape: A and B filled with seeded uniform values in [-1, 1), shared read-only by every peer.</summary>
public sealed class GemmProblem
{
    private GemmProblem(GemmShape shape, float[] a, float[] b)
    {
        Shape = shape;
        A = a;
        B = b;
    }

    public GemmShape Shape { get; }

    /// <summary>A as stored (<see cref="GemmShape.ARows"/>×<see cref="GemmShape.ACols"/>, row-major, exact length).</summary>
    public float[] A { get; }

    /// <summary>B as stored (<see cref="GemmShape.BRows"/>×<see cref="GemmShape.BCols"/>, row-major, exact length).</summary>
    public float[] B { get; }

    public static GemmProblem Create(GemmShape shape, int seed = 42)
    {
        var random = new Random(seed);
        return new GemmProblem(shape, Fill(random, shape.ARows * shape.ACols), Fill(random, shape.BRows * shape.BCols));
    }

    /// <summary>A fresh M×N output. Exact length: Math.NET requires it.</summary>
    public float[] NewC() => new float[Shape.M * Shape.N];

    private static float[] Fill(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
