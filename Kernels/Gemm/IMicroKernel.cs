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
}
