using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

internal static partial class ElementwiseDriver
{
    /// <summary>destination[i] = op(x[i]) for i &lt; x.Length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unary<TOp>(TOp op, ReadOnlySpan<float> x, Span<float> destination)
        where TOp : struct, IUnaryOperator
    {
        Debug.Assert(destination.Length >= x.Length);
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float dRef = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        if (Width512.IsAccelerated && length >= Width512.Count)
            Unary<TOp, Width512, Vector512<float>>(op, ref xRef, ref dRef, length);
        else if (Width256.IsAccelerated && length >= Width256.Count)
            Unary<TOp, Width256, Vector256<float>>(op, ref xRef, ref dRef, length);
        else if (Width128.IsAccelerated && length >= Width128.Count)
            Unary<TOp, Width128, Vector128<float>>(op, ref xRef, ref dRef, length);
        else
        {
            for (nuint i = 0; i < length; i++)
                Unsafe.Add(ref dRef, i) = op.Invoke(Unsafe.Add(ref xRef, i));
        }
    }

    /// <summary>length ≥ one vector: the streaming or the cached loop, each of which does the whole span.</summary>
    // Inlined into the caller, with the first and last vectors in the loop methods. As a separate loop-free method it
    // started at tier 0 (Load/Store/Invoke as calls, vectors through the stack) until call counting promoted it, and at
    // tier 1 it was still one more call, with the first and last vectors spilled around the call to the loop. At 64
    // floats SimdMlp's ReLU took 12.0 ns to TensorPrimitives' 9.9 before, 7.0 to 6.7 after (min of 400 trials in one
    // process, AVX-512, 2026-11-23); the AVX2 exp and tanh loops did not get slower.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Unary<TOp, TW, TV>(TOp op, ref float xRef, ref float dRef, nuint length)
        where TOp : struct, IUnaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        if (length * sizeof(float) >= NonTemporalThresholdBytes && IsFloatAligned(ref dRef))
            UnaryStreaming<TOp, TW, TV>(op, ref xRef, ref dRef, length);
        else
            UnaryCached<TOp, TW, TV>(op, ref xRef, ref dRef, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void UnaryCached<TOp, TW, TV>(TOp op, ref float xRef, ref float dRef, nuint length)
        where TOp : struct, IUnaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        nuint w = TW.Count;
        TV first = TW.Invoke(op, TW.Load(ref xRef, 0)); // before the loop stores anything: see ElementwiseDriver remarks
        TV last = TW.Invoke(op, TW.Load(ref xRef, length - w));
        nuint i = ElementsToAlignment(ref dRef, w);
        for (; i + 4 * w <= length; i += 4 * w)
        {
            TV r0 = TW.Invoke(op, TW.Load(ref xRef, i));
            TV r1 = TW.Invoke(op, TW.Load(ref xRef, i + w));
            TV r2 = TW.Invoke(op, TW.Load(ref xRef, i + 2 * w));
            TV r3 = TW.Invoke(op, TW.Load(ref xRef, i + 3 * w));
            TW.Store(r0, ref dRef, i);
            TW.Store(r1, ref dRef, i + w);
            TW.Store(r2, ref dRef, i + 2 * w);
            TW.Store(r3, ref dRef, i + 3 * w);
        }

        for (; i + w <= length; i += w)
            TW.Store(TW.Invoke(op, TW.Load(ref xRef, i)), ref dRef, i);

        TW.Store(first, ref dRef, 0);
        TW.Store(last, ref dRef, length - w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static unsafe void UnaryStreaming<TOp, TW, TV>(TOp op, ref float xRef, ref float dRef, nuint length)
        where TOp : struct, IUnaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        nuint w = TW.Count;
        TV first = TW.Invoke(op, TW.Load(ref xRef, 0)); // before the loop stores anything: see ElementwiseDriver remarks
        TV last = TW.Invoke(op, TW.Load(ref xRef, length - w));
        fixed (float* d = &dRef, x = &xRef)
        {
            nuint i = ElementsToAlignment(ref dRef, w); // exact now that the destination is pinned
            for (nuint end = PrefetchEnd(length); i + 4 * w <= end; i += 4 * w)
            {
                Prefetch(x + i + PrefetchDistance, 4 * w);
                TV r0 = TW.Invoke(op, TW.Load(ref xRef, i));
                TV r1 = TW.Invoke(op, TW.Load(ref xRef, i + w));
                TV r2 = TW.Invoke(op, TW.Load(ref xRef, i + 2 * w));
                TV r3 = TW.Invoke(op, TW.Load(ref xRef, i + 3 * w));
                TW.StoreAlignedNonTemporal(r0, d + i);
                TW.StoreAlignedNonTemporal(r1, d + i + w);
                TW.StoreAlignedNonTemporal(r2, d + i + 2 * w);
                TW.StoreAlignedNonTemporal(r3, d + i + 3 * w);
            }

            for (; i + 4 * w <= length; i += 4 * w)
            {
                TV r0 = TW.Invoke(op, TW.Load(ref xRef, i));
                TV r1 = TW.Invoke(op, TW.Load(ref xRef, i + w));
                TV r2 = TW.Invoke(op, TW.Load(ref xRef, i + 2 * w));
                TV r3 = TW.Invoke(op, TW.Load(ref xRef, i + 3 * w));
                TW.StoreAlignedNonTemporal(r0, d + i);
                TW.StoreAlignedNonTemporal(r1, d + i + w);
                TW.StoreAlignedNonTemporal(r2, d + i + 2 * w);
                TW.StoreAlignedNonTemporal(r3, d + i + 3 * w);
            }

            for (; i + w <= length; i += w)
                TW.StoreAlignedNonTemporal(TW.Invoke(op, TW.Load(ref xRef, i)), d + i);
        }

        StreamingStoresDone();
        TW.Store(first, ref dRef, 0);
        TW.Store(last, ref dRef, length - w);
    }
}
