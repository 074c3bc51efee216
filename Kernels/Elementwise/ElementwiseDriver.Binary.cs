using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

internal static partial class ElementwiseDriver
{
    /// <summary>destination[i] = op(x[i], y[i]) for i &lt; x.Length (same scheme as <see cref="Unary{TOp}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Binary<TOp>(TOp op, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        where TOp : struct, IBinaryOperator
    {
        Debug.Assert(y.Length == x.Length && destination.Length >= x.Length);
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        ref float dRef = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        if (Width512.IsAccelerated && length >= Width512.Count)
            Binary<TOp, Width512, Vector512<float>>(op, ref xRef, ref yRef, ref dRef, length);
        else if (Width256.IsAccelerated && length >= Width256.Count)
            Binary<TOp, Width256, Vector256<float>>(op, ref xRef, ref yRef, ref dRef, length);
        else if (Width128.IsAccelerated && length >= Width128.Count)
            Binary<TOp, Width128, Vector128<float>>(op, ref xRef, ref yRef, ref dRef, length);
        else
        {
            for (nuint i = 0; i < length; i++)
                Unsafe.Add(ref dRef, i) = op.Invoke(Unsafe.Add(ref xRef, i), Unsafe.Add(ref yRef, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // as Unary<TOp, TW, TV>
    private static void Binary<TOp, TW, TV>(TOp op, ref float xRef, ref float yRef, ref float dRef, nuint length)
        where TOp : struct, IBinaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        if (length * sizeof(float) >= NonTemporalThresholdBytes && IsFloatAligned(ref dRef))
            BinaryStreaming<TOp, TW, TV>(op, ref xRef, ref yRef, ref dRef, length);
        else
            BinaryCached<TOp, TW, TV>(op, ref xRef, ref yRef, ref dRef, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void BinaryCached<TOp, TW, TV>(TOp op, ref float xRef, ref float yRef, ref float dRef, nuint length)
        where TOp : struct, IBinaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        nuint w = TW.Count;
        TV first = TW.Invoke(op, TW.Load(ref xRef, 0), TW.Load(ref yRef, 0)); // before the loop stores: see ElementwiseDriver remarks
        TV last = TW.Invoke(op, TW.Load(ref xRef, length - w), TW.Load(ref yRef, length - w));
        nuint i = ElementsToAlignment(ref dRef, w);
        for (; i + 4 * w <= length; i += 4 * w)
        {
            TV r0 = TW.Invoke(op, TW.Load(ref xRef, i), TW.Load(ref yRef, i));
            TV r1 = TW.Invoke(op, TW.Load(ref xRef, i + w), TW.Load(ref yRef, i + w));
            TV r2 = TW.Invoke(op, TW.Load(ref xRef, i + 2 * w), TW.Load(ref yRef, i + 2 * w));
            TV r3 = TW.Invoke(op, TW.Load(ref xRef, i + 3 * w), TW.Load(ref yRef, i + 3 * w));
            TW.Store(r0, ref dRef, i);
            TW.Store(r1, ref dRef, i + w);
            TW.Store(r2, ref dRef, i + 2 * w);
            TW.Store(r3, ref dRef, i + 3 * w);
        }

        for (; i + w <= length; i += w)
            TW.Store(TW.Invoke(op, TW.Load(ref xRef, i), TW.Load(ref yRef, i)), ref dRef, i);

        TW.Store(first, ref dRef, 0);
        TW.Store(last, ref dRef, length - w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static unsafe void BinaryStreaming<TOp, TW, TV>(TOp op, ref float xRef, ref float yRef, ref float dRef, nuint length)
        where TOp : struct, IBinaryOperator
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        nuint w = TW.Count;
        TV first = TW.Invoke(op, TW.Load(ref xRef, 0), TW.Load(ref yRef, 0)); // before the loop stores: see ElementwiseDriver remarks
        TV last = TW.Invoke(op, TW.Load(ref xRef, length - w), TW.Load(ref yRef, length - w));
        fixed (float* d = &dRef)
        {
            nuint i = ElementsToAlignment(ref dRef, w); // exact now that the destination is pinned
            for (; i + 4 * w <= length; i += 4 * w)
            {
                TV r0 = TW.Invoke(op, TW.Load(ref xRef, i), TW.Load(ref yRef, i));
                TV r1 = TW.Invoke(op, TW.Load(ref xRef, i + w), TW.Load(ref yRef, i + w));
                TV r2 = TW.Invoke(op, TW.Load(ref xRef, i + 2 * w), TW.Load(ref yRef, i + 2 * w));
                TV r3 = TW.Invoke(op, TW.Load(ref xRef, i + 3 * w), TW.Load(ref yRef, i + 3 * w));
                TW.StoreAlignedNonTemporal(r0, d + i);
                TW.StoreAlignedNonTemporal(r1, d + i + w);
                TW.StoreAlignedNonTemporal(r2, d + i + 2 * w);
                TW.StoreAlignedNonTemporal(r3, d + i + 3 * w);
            }

            for (; i + w <= length; i += w)
                TW.StoreAlignedNonTemporal(TW.Invoke(op, TW.Load(ref xRef, i), TW.Load(ref yRef, i)), d + i);
        }

        StreamingStoresDone();
        TW.Store(first, ref dRef, 0);
        TW.Store(last, ref dRef, length - w);
    }
}
