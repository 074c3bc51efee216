namespace SimdMlp.Kernels;

/// <summary>
/// The packed op(B) of a split-M parallel product, shared by its parts: every B̃ block of the loop nest, in loop
/// order, and one state word per group of micro-panels (unpacked, being packed, packed).
/// </summary>
/// <remarks>
/// Split over M, every part multiplies its rows by all of op(B). Packing it per part cost each thread the whole
/// packing of B (at 1024³, ~10 % of a thread's share) and doubled the B̃ traffic through the shared L3. Shared, each
/// group is packed once, by whichever part reaches it first. The packed values do not depend on who packs them, so
/// results stay bit-identical whatever the thread count.
/// </remarks>
internal readonly unsafe struct SharedPackedB
{
    /// <summary>Micro-panels claimed and packed together (Pack.B's fast path packs four per pass over a row).</summary>
    public const int PanelsPerGroup = 4;

    public const int Unpacked = 0;
    public const int Packing = 1;
    public const int Packed = 2;

    public SharedPackedB(float* data, int* states)
    {
        Data = data;
        States = states;
    }

    /// <summary>All B̃ blocks, 64-byte aligned; null when the parts pack their own.</summary>
    public float* Data { get; }

    /// <summary>One state per panel group per block, all <see cref="Unpacked"/> at the start.</summary>
    public int* States { get; }

    /// <summary>Panel groups of an nc-wide block.</summary>
    public static int Groups(int nc, int nr) => ((nc + nr - 1) / nr + PanelsPerGroup - 1) / PanelsPerGroup;

    /// <summary>Floats and state words the whole packed op(B) of a k×n product takes under <paramref name="blk"/>.</summary>
    public static (long Floats, int States) Size(in GemmBlocking blk, int n, int k)
    {
        long floats = 0;
        int states = 0;
        int kcStep = GemmBlocking.BalancedStep(k, blk.KC, 1);
        int slices = (k + kcStep - 1) / kcStep;
        for (int jc = 0; jc < n; jc += blk.NC)
        {
            int nc = Math.Min(blk.NC, n - jc);
            floats += (long)k * ((nc + blk.NR - 1) / blk.NR * blk.NR);
            states += slices * Groups(nc, blk.NR);
        }

        return (floats, states);
    }
}
