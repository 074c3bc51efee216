using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// One fused pass of an <see cref="IUpdateOperator"/> over flat buffers: weights (in/out), gradients (in) and 0–2
/// state buffers (in/out), all of one length, with arguments already validated.
/// </summary>
/// <remarks>
/// <para>
/// Each width (one generic loop over <see cref="IVectorWidth{TV}"/>) runs whole vectors from the start and then one last vector at n − width that overlaps the one before,
/// as TensorPrimitives does, instead of a scalar tail. An update is not idempotent, so that last vector is loaded
/// and computed first, from the original values, and stored after the loop: the overlapping elements get the same
/// values twice and are never updated twice. Buffers shorter than a vector drop to the next narrower width.
/// </para>
/// <para>
/// No unrolling: iterations are independent (no loop-carried dependency), so the out-of-order core overlaps them
/// already, and a large update is bound by memory traffic (4–5 streams), not by the loop.
/// </para>
/// </remarks>
internal static partial class UpdateDriver
{
    /// <summary>Applies <paramref name="op"/> on this thread with the widest vectors <paramref name="path"/> allows.</summary>
    public static void RunSerial<TOp>(SimdPath path, TOp op, Span<float> weights, ReadOnlySpan<float> gradients,
        Span<float> state1, Span<float> state2)
        where TOp : struct, IUpdateOperator
    {
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float s1 = ref MemoryMarshal.GetReference(state1);
        ref float s2 = ref MemoryMarshal.GetReference(state2);
        nuint n = (nuint)weights.Length;
        if (path >= SimdPath.Avx512 && n >= Width512.Count)
            VectorLoop<TOp, Width512, Vector512<float>>(op, ref w, ref g, ref s1, ref s2, n);
        else if (path >= SimdPath.Avx2 && n >= Width256.Count)
            VectorLoop<TOp, Width256, Vector256<float>>(op, ref w, ref g, ref s1, ref s2, n);
        else if (path >= SimdPath.Vector128 && n >= Width128.Count)
            VectorLoop<TOp, Width128, Vector128<float>>(op, ref w, ref g, ref s1, ref s2, n);
        else
            ScalarLoop(op, ref w, ref g, ref s1, ref s2, n);
    }

    private static void VectorLoop<TOp, TW, TV>(TOp op, ref float w, ref float g, ref float s1, ref float s2, nuint n)
        where TOp : struct, IUpdateOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        nuint width = TW.Count, last = n - width;
        TV lastS1 = TOp.StateCount >= 1 ? TW.Load(ref s1, last) : default;
        TV lastS2 = TOp.StateCount >= 2 ? TW.Load(ref s2, last) : default;
        TV lastW = TW.Invoke(op, TW.Load(ref w, last), TW.Load(ref g, last), ref lastS1, ref lastS2);
        for (nuint i = 0; i < last; i += width)
        {
            TV s1i = TOp.StateCount >= 1 ? TW.Load(ref s1, i) : default;
            TV s2i = TOp.StateCount >= 2 ? TW.Load(ref s2, i) : default;
            TW.Store(TW.Invoke(op, TW.Load(ref w, i), TW.Load(ref g, i), ref s1i, ref s2i), ref w, i);
            if (TOp.StateCount >= 1) TW.Store(s1i, ref s1, i);
            if (TOp.StateCount >= 2) TW.Store(s2i, ref s2, i);
        }

        TW.Store(lastW, ref w, last);
        if (TOp.StateCount >= 1) TW.Store(lastS1, ref s1, last);
        if (TOp.StateCount >= 2) TW.Store(lastS2, ref s2, last);
    }

    private static void ScalarLoop<TOp>(TOp op, ref float w, ref float g, ref float s1, ref float s2, nuint n)
        where TOp : struct, IUpdateOperator
    {
        for (nuint i = 0; i < n; i++)
        {
            float s1i = TOp.StateCount >= 1 ? Unsafe.Add(ref s1, i) : 0f;
            float s2i = TOp.StateCount >= 2 ? Unsafe.Add(ref s2, i) : 0f;
            Unsafe.Add(ref w, i) = op.Invoke(Unsafe.Add(ref w, i), Unsafe.Add(ref g, i), ref s1i, ref s2i);
            if (TOp.StateCount >= 1) Unsafe.Add(ref s1, i) = s1i;
            if (TOp.StateCount >= 2) Unsafe.Add(ref s2, i) = s2i;
        }
    }
}
