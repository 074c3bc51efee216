using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// Work the GEMM applies to each finished block of C while it is still in L1: the fused bias and activation of a
/// dense layer.
/// </summary>
/// <remarks>
/// Coordinates are those of the oriented product the loops run (C, or Cᵀ for narrow products): element (r, l) of
/// the block sits at <c>block[r·rowStride + l·colStride]</c> and is element (row0 + r, col0 + l) of that product.
/// The epilogue runs exactly once per element, after the last KC slice, so it sees the finished sum.
/// </remarks>
internal unsafe interface IGemmEpilogue
{
    /// <summary>False for <see cref="NoEpilogue"/>: the JIT then drops every call.</summary>
    static abstract bool IsActive { get; }

    /// <summary>Applies the epilogue to a finished block.</summary>
    /// <param name="block">The block's first element.</param>
    /// <param name="rowStride">Distance between the block's rows.</param>
    /// <param name="colStride">Distance between the block's columns.</param>
    /// <param name="row0">The block's first row in the oriented product.</param>
    /// <param name="col0">The block's first column in the oriented product.</param>
    /// <param name="rows">Rows in the block.</param>
    /// <param name="cols">Columns in the block.</param>
    /// <param name="transposed">Whether the loops run on Cᵀ, so a block's rows are columns of C.</param>
    void Apply(float* block, nint rowStride, nint colStride, int row0, int col0, int rows, int cols, bool transposed);

    /// <summary>
    /// The epilogue on up to 16 finished elements of one row of C (never transposed) while they are still in a
    /// register: the narrow-n kernels call it just before their masked store, so C is written once.
    /// </summary>
    /// <param name="values">Elements (row, col0 + l) of C in lane l, for the lanes set in <paramref name="mask"/>.</param>
    /// <param name="row">The row of C.</param>
    /// <param name="col0">The column of C in lane 0.</param>
    /// <param name="mask">All bits set in the lanes that are elements of C; nothing is read or written for the others.</param>
    /// <returns>What C receives in those lanes (other lanes are unspecified).</returns>
    Vector512<float> ApplyRow(Vector512<float> values, int row, int col0, Vector512<float> mask);

    /// <summary>
    /// <see cref="ApplyRow"/> on 16 elements that are all in C: the micro-kernels that fuse the epilogue call it on
    /// each accumulator of a full tile, so no lane needs a mask.
    /// </summary>
    /// <param name="values">Elements (row, col0 + l) of C in lane l.</param>
    /// <param name="row">The row of C.</param>
    /// <param name="col0">The column of C in lane 0.</param>
    /// <returns>What C receives.</returns>
    Vector512<float> ApplyVector(Vector512<float> values, int row, int col0);
}

/// <summary>The plain product.</summary>
internal readonly unsafe struct NoEpilogue : IGemmEpilogue
{
    public static bool IsActive => false;

    public void Apply(float* block, nint rowStride, nint colStride, int row0, int col0, int rows, int cols, bool transposed)
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> ApplyRow(Vector512<float> values, int row, int col0, Vector512<float> mask) => values;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> ApplyVector(Vector512<float> values, int row, int col0) => values;
}
