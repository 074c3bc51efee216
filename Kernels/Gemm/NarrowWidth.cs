namespace SimdMlp.Kernels;

/// <summary>A column count known at JIT time, so the narrow-n kernel keeps exactly that many accumulators.</summary>
/// <remarks>
/// Each width is a struct type argument: the JIT compiles one body per width and drops every accumulator the
/// width does not use, the way a C++ template on an int would.
/// </remarks>
internal interface INarrowWidth
{
    /// <summary>Columns of C the kernel computes per call.</summary>
    static abstract int N { get; }
}

/// <summary>1 column.</summary>
internal readonly struct NarrowWidth1 : INarrowWidth
{
    public static int N => 1;
}

/// <summary>2 columns.</summary>
internal readonly struct NarrowWidth2 : INarrowWidth
{
    public static int N => 2;
}

/// <summary>3 columns.</summary>
internal readonly struct NarrowWidth3 : INarrowWidth
{
    public static int N => 3;
}

/// <summary>4 columns.</summary>
internal readonly struct NarrowWidth4 : INarrowWidth
{
    public static int N => 4;
}

/// <summary>5 columns.</summary>
internal readonly struct NarrowWidth5 : INarrowWidth
{
    public static int N => 5;
}

/// <summary>6 columns.</summary>
internal readonly struct NarrowWidth6 : INarrowWidth
{
    public static int N => 6;
}

/// <summary>7 columns.</summary>
internal readonly struct NarrowWidth7 : INarrowWidth
{
    public static int N => 7;
}

/// <summary>8 columns.</summary>
internal readonly struct NarrowWidth8 : INarrowWidth
{
    public static int N => 8;
}

/// <summary>9 columns.</summary>
internal readonly struct NarrowWidth9 : INarrowWidth
{
    public static int N => 9;
}

/// <summary>10 columns.</summary>
internal readonly struct NarrowWidth10 : INarrowWidth
{
    public static int N => 10;
}

/// <summary>11 columns.</summary>
internal readonly struct NarrowWidth11 : INarrowWidth
{
    public static int N => 11;
}

/// <summary>12 columns.</summary>
internal readonly struct NarrowWidth12 : INarrowWidth
{
    public static int N => 12;
}
