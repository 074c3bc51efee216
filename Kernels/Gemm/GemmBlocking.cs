namespace SimdMlp.Kernels;

/// <summary>Register tile (MR×NR) and cache blocks (MC, KC, NC) of one kernel family.</summary>
/// <param name="MR">Rows of the C micro-tile: the A micro-panel height.</param>
/// <param name="NR">Columns of the C micro-tile: the B micro-panel width.</param>
/// <param name="MC">LOOP 3 cuts op(A) into MC-row blocks; packed A~ is MC×KC.</param>
/// <param name="KC">LOOP 4 cuts K into KC-deep slices; the kernel's k loop runs over one slice.</param>
/// <param name="NC">LOOP 5 cuts op(B) into NC-column blocks; packed B~ is KC×NC.</param>
internal readonly record struct GemmBlocking(int MR, int NR, int MC, int KC, int NC)
{
    /// <summary>The largest step ≤ <paramref name="max"/> (a multiple of <paramref name="unit"/>) that cuts
    /// <paramref name="extent"/> into the fewest, most nearly equal blocks.</summary>
    public static int BalancedStep(int extent, int max, int unit)
    {
        int blocks = (extent + max - 1) / max;
        int step = (extent + blocks - 1) / blocks;
        return Math.Min(max, (step + unit - 1) / unit * unit);
    }
}
