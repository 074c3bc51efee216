namespace SimdMlp.Kernels;

/// <summary>
/// A register-tiled GEMM micro-kernel: C[MR×NR] = alpha·Ã·B̃ + beta·C over one KC slice.
/// </summary>
/// <remarks>
/// Contract (BLIS "gemm microkernel", transposed for row-major C):
/// <list type="bullet">
/// <item>Ã is a packed micro-panel: element (i, p) at <c>a[p·MR + i]</c>, i &lt; MR, p &lt; kc.</item>
/// <item>B̃ holds element (p, j) at <c>b[p·ldb + j]</c>, j &lt; NR: ldb = NR for a packed micro-panel,
/// or the row stride of op(B) when B is read in place.</item>
/// <item>C is a full MR×NR tile, row-major with row stride ldc. Edges are the caller's (scratch tile).</item>
/// <item>beta == 0 never reads C: it may hold NaN or garbage.</item>
/// <item>No loops over m or n inside; the k loop is the only one.</item>
/// </list>
/// Each C element is computed as alpha·(Σ_p in order) then fused with beta·C, so its value depends only on
/// the KC slicing, never on which thread or tile order computed it.
/// </remarks>
internal interface IMicroKernel
{
    /// <summary>Rows of the C micro-tile (A micro-panel height).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the C micro-tile (B micro-panel width), a whole number of vectors.</summary>
    static abstract int NR { get; }

    /// <summary>Runs the kernel on one full tile.</summary>
    static abstract void Run(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha, float beta);

    /// <summary>
    /// Whether <see cref="Run{TEpilogue}"/> applies the epilogue to the accumulators before their one store. Kernels
    /// that do not leave C to the macro-kernel's pass over the stored tile.
    /// </summary>
    static virtual bool FusesEpilogue => false;

    /// <summary>
    /// <see cref="Run(nint, ref float, ref float, nint, ref float, nint, float, float)"/> on the last KC slice of a tile
    /// of the (not transposed) product, then <paramref name="epilogue"/> on each value in registers, before C's store.
    /// </summary>
    /// <param name="kc">Depth of the slice.</param>
    /// <param name="a">The packed Ã micro-panel.</param>
    /// <param name="b">The B̃ micro-panel.</param>
    /// <param name="ldb">Row stride of B̃.</param>
    /// <param name="c">The tile's first element.</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of C's previous value (0: C is not read).</param>
    /// <param name="epilogue">What each finished element goes through.</param>
    /// <param name="row0">The tile's first row in the product.</param>
    /// <param name="col0">The tile's first column in the product.</param>
    static virtual void Run<TEpilogue>(nint kc, ref float a, ref float b, nint ldb, ref float c, nint ldc, float alpha,
        float beta, in TEpilogue epilogue, int row0, int col0)
        where TEpilogue : struct, IGemmEpilogue =>
        throw new NotSupportedException("This micro-kernel leaves the epilogue to the macro-kernel.");
}
