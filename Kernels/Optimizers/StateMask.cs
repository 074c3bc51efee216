using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

/// <summary>
/// Keeps or clears optimizer state as it is read. On step 1 the state is new (PyTorch creates it then), so whatever
/// the caller's buffer holds, even NaN, must not enter the update: multiplying by 0 would not clear a NaN, a bitwise
/// AND with 0 does. From step 2 on the mask has all bits set and keeps the state unchanged.
/// </summary>
internal static class StateMask
{
    /// <summary>The mask bits for <paramref name="step"/>: 0 on step 1, all ones after.</summary>
    public static uint For(int step) => step == 1 ? 0u : uint.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply(float state, uint mask) =>
        BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(state) & mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Apply(Vector128<float> state, uint mask) => state & Vector128.Create(mask).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply(Vector256<float> state, uint mask) => state & Vector256.Create(mask).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply(Vector512<float> state, uint mask) => state & Vector512.Create(mask).AsSingle();
}
