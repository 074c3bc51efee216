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
/// Each width runs whole vectors from the start and then one last vector at n − width that overlaps the one before,
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
        if (path >= SimdPath.Avx512 && n >= (nuint)Vector512<float>.Count)
            Vector512Loop(op, ref w, ref g, ref s1, ref s2, n);
        else if (path >= SimdPath.Avx2 && n >= (nuint)Vector256<float>.Count)
            Vector256Loop(op, ref w, ref g, ref s1, ref s2, n);
        else if (path >= SimdPath.Vector128 && n >= (nuint)Vector128<float>.Count)
            Vector128Loop(op, ref w, ref g, ref s1, ref s2, n);
        else
            ScalarLoop(op, ref w, ref g, ref s1, ref s2, n);
    }

    private static void Vector512Loop<TOp>(TOp op, ref float w, ref float g, ref float s1, ref float s2, nuint n)
        where TOp : struct, IUpdateOperator
    {
        nuint width = (nuint)Vector512<float>.Count, last = n - width;
        var lastS1 = TOp.StateCount >= 1 ? Vector512.LoadUnsafe(ref s1, last) : default;
        var lastS2 = TOp.StateCount >= 2 ? Vector512.LoadUnsafe(ref s2, last) : default;
        var lastW = op.Invoke(Vector512.LoadUnsafe(ref w, last), Vector512.LoadUnsafe(ref g, last), ref lastS1, ref lastS2);
        for (nuint i = 0; i < last; i += width)
        {
            var s1i = TOp.StateCount >= 1 ? Vector512.LoadUnsafe(ref s1, i) : default;
            var s2i = TOp.StateCount >= 2 ? Vector512.LoadUnsafe(ref s2, i) : default;
            op.Invoke(Vector512.LoadUnsafe(ref w, i), Vector512.LoadUnsafe(ref g, i), ref s1i, ref s2i).StoreUnsafe(ref w, i);
            if (TOp.StateCount >= 1) s1i.StoreUnsafe(ref s1, i);
            if (TOp.StateCount >= 2) s2i.StoreUnsafe(ref s2, i);
        }

        lastW.StoreUnsafe(ref w, last);
        if (TOp.StateCount >= 1) lastS1.StoreUnsafe(ref s1, last);
        if (TOp.StateCount >= 2) lastS2.StoreUnsafe(ref s2, last);
    }

    private static void Vector256Loop<TOp>(TOp op, ref float w, ref float g, ref float s1, ref float s2, nuint n)
        where TOp : struct, IUpdateOperator
    {
        nuint width = (nuint)Vector256<float>.Count, last = n - width;
        var lastS1 = TOp.StateCount >= 1 ? Vector256.LoadUnsafe(ref s1, last) : default;
        var lastS2 = TOp.StateCount >= 2 ? Vector256.LoadUnsafe(ref s2, last) : default;
        var lastW = op.Invoke(Vector256.LoadUnsafe(ref w, last), Vector256.LoadUnsafe(ref g, last), ref lastS1, ref lastS2);
        for (nuint i = 0; i < last; i += width)
        {
            var s1i = TOp.StateCount >= 1 ? Vector256.LoadUnsafe(ref s1, i) : default;
            var s2i = TOp.StateCount >= 2 ? Vector256.LoadUnsafe(ref s2, i) : default;
            op.Invoke(Vector256.LoadUnsafe(ref w, i), Vector256.LoadUnsafe(ref g, i), ref s1i, ref s2i).StoreUnsafe(ref w, i);
            if (TOp.StateCount >= 1) s1i.StoreUnsafe(ref s1, i);
            if (TOp.StateCount >= 2) s2i.StoreUnsafe(ref s2, i);
        }

        lastW.StoreUnsafe(ref w, last);
        if (TOp.StateCount >= 1) lastS1.StoreUnsafe(ref s1, last);
        if (TOp.StateCount >= 2) lastS2.StoreUnsafe(ref s2, last);
    }

    private static void Vector128Loop<TOp>(TOp op, ref float w, ref float g, ref float s1, ref float s2, nuint n)
        where TOp : struct, IUpdateOperator
    {
        nuint width = (nuint)Vector128<float>.Count, last = n - width;
        var lastS1 = TOp.StateCount >= 1 ? Vector128.LoadUnsafe(ref s1, last) : default;
        var lastS2 = TOp.StateCount >= 2 ? Vector128.LoadUnsafe(ref s2, last) : default;
        var lastW = op.Invoke(Vector128.LoadUnsafe(ref w, last), Vector128.LoadUnsafe(ref g, last), ref lastS1, ref lastS2);
        for (nuint i = 0; i < last; i += width)
        {
            var s1i = TOp.StateCount >= 1 ? Vector128.LoadUnsafe(ref s1, i) : default;
            var s2i = TOp.StateCount >= 2 ? Vector128.LoadUnsafe(ref s2, i) : default;
            op.Invoke(Vector128.LoadUnsafe(ref w, i), Vector128.LoadUnsafe(ref g, i), ref s1i, ref s2i).StoreUnsafe(ref w, i);
            if (TOp.StateCount >= 1) s1i.StoreUnsafe(ref s1, i);
            if (TOp.StateCount >= 2) s2i.StoreUnsafe(ref s2, i);
        }

        lastW.StoreUnsafe(ref w, last);
        if (TOp.StateCount >= 1) lastS1.StoreUnsafe(ref s1, last);
        if (TOp.StateCount >= 2) lastS2.StoreUnsafe(ref s2, last);
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
