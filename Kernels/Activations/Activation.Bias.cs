using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SimdMlp.Kernels;

public static partial class Activation
{
    /// <summary>
    /// In place over a row-major [m, n] matrix (n = <c>bias.Length</c>): Z = matrix + bias (per row), matrix = g(Z).
    /// Use when the backward pass reads the output (<c>TAct.Saved</c> is <see cref="SavedForBackward.Output"/>).
    /// </summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="activation">The operator (<c>default</c> for stateless ones).</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="matrix">[m, n]: X·W on entry, A = g(X·W + b) on return.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="matrix"/> is not a whole number of rows of <c>bias.Length</c>, or overlaps <paramref name="bias"/>.
    /// </exception>
    public static void ForwardWithBias<TAct>(TAct activation, ReadOnlySpan<float> bias, Span<float> matrix)
        where TAct : struct, IActivationOperator =>
        ForwardWithBias(activation, bias, matrix, []);

    /// <summary>
    /// In place over a row-major [m, n] matrix (n = <c>bias.Length</c>): Z = matrix + bias (per row), optionally
    /// preActivation = Z, matrix = g(Z). One pass: each element is read once and written once (twice when Z is kept).
    /// </summary>
    /// <typeparam name="TAct">The activation operator.</typeparam>
    /// <param name="activation">The operator (<c>default</c> for stateless ones).</param>
    /// <param name="bias">The n biases.</param>
    /// <param name="matrix">[m, n]: X·W on entry, A = g(X·W + b) on return.</param>
    /// <param name="preActivation">
    /// Empty to discard Z, or receives the [m, n] Z for a backward pass that reads the input (GELU); only its first
    /// <c>matrix.Length</c> elements are written. Must not overlap <paramref name="matrix"/>.
    /// </param>
    /// <exception cref="ArgumentException">
    /// <paramref name="matrix"/> is not a whole number of rows of <c>bias.Length</c>, <paramref name="preActivation"/>
    /// is non-empty and too short, or two spans overlap.
    /// </exception>
    /// <remarks>Z is rounded once (one float add), as a separate bias pass would round it.</remarks>
    public static void ForwardWithBias<TAct>(TAct activation, ReadOnlySpan<float> bias, Span<float> matrix,
        Span<float> preActivation)
        where TAct : struct, IActivationOperator
    {
        SpanChecks.Rows(matrix.Length, bias.Length, nameof(matrix), "bias.Length");
        SpanChecks.Disjoint(bias, matrix, nameof(bias), nameof(matrix));
        bool keepZ = !preActivation.IsEmpty;
        if (keepZ)
        {
            if (preActivation.Length < matrix.Length)
                SpanChecks.ThrowTooShort(nameof(preActivation), preActivation.Length, nameof(matrix), matrix.Length);
            SpanChecks.Disjoint(matrix, preActivation, nameof(matrix), nameof(preActivation));
            SpanChecks.Disjoint(bias, preActivation, nameof(bias), nameof(preActivation));
        }

        ref float biasRef = ref MemoryMarshal.GetReference(bias);
        ref float matrixRef = ref MemoryMarshal.GetReference(matrix);
        if (keepZ)
            ForwardWithBiasRows<TAct, KeepZ>(activation, ref biasRef, ref matrixRef, ref MemoryMarshal.GetReference(preActivation), (nuint)matrix.Length, (nuint)bias.Length);
        else
            ForwardWithBiasRows<TAct, DiscardZ>(activation, ref biasRef, ref matrixRef, ref matrixRef, (nuint)matrix.Length, (nuint)bias.Length);
    }

    /// <summary>All rows of <see cref="ForwardWithBias{TAct}(TAct, ReadOnlySpan{float}, Span{float}, Span{float})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)] // see ElementwiseDriver remarks
    private static void ForwardWithBiasRows<TAct, TKeep>(TAct activation, ref float bias, ref float matrix, ref float z,
        nuint length, nuint n)
        where TAct : struct, IActivationOperator
        where TKeep : struct, IKeepZ
    {
        for (nuint offset = 0; offset < length; offset += n)
            BiasRow<TAct, TKeep>(activation, ref bias, ref Unsafe.Add(ref matrix, offset), ref Unsafe.Add(ref z, offset), n);
    }

    /// <summary>Whether a bias row also stores Z: a type-level flag, so each variant is compiled without the branch.</summary>
    private interface IKeepZ
    {
        static abstract bool Value { get; }
    }

    private readonly struct KeepZ : IKeepZ
    {
        public static bool Value => true;
    }

    private readonly struct DiscardZ : IKeepZ
    {
        public static bool Value => false;
    }

    /// <summary>One row: z = m[j] + b[j]; optionally Z[j] = z; m[j] = g(z). Widest vectors first, then narrower, then scalar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BiasRow<TAct, TKeep>(TAct activation, ref float bias, ref float row, ref float zRow, nuint n)
        where TAct : struct, IActivationOperator
        where TKeep : struct, IKeepZ
    {
        var op = new ActivationForward<TAct>(activation);
        nuint j = 0;
        if (Width512.IsAccelerated) j = BiasColumns<TAct, TKeep, Width512, Vector512<float>>(op, ref bias, ref row, ref zRow, j, n);
        if (Width256.IsAccelerated) j = BiasColumns<TAct, TKeep, Width256, Vector256<float>>(op, ref bias, ref row, ref zRow, j, n);
        if (Width128.IsAccelerated) j = BiasColumns<TAct, TKeep, Width128, Vector128<float>>(op, ref bias, ref row, ref zRow, j, n);
        for (; j < n; j++)
        {
            float z = Unsafe.Add(ref row, j) + Unsafe.Add(ref bias, j);
            if (TKeep.Value) Unsafe.Add(ref zRow, j) = z;
            Unsafe.Add(ref row, j) = activation.Forward(z);
        }
    }

    /// <summary>Whole TW vectors of one row from column j on; returns the first column not done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint BiasColumns<TAct, TKeep, TW, TV>(ActivationForward<TAct> op, ref float bias, ref float row, ref float zRow,
        nuint j, nuint n)
        where TAct : struct, IActivationOperator
        where TKeep : struct, IKeepZ
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        for (; j + TW.Count <= n; j += TW.Count)
        {
            TV z = TW.Add(TW.Load(ref row, j), TW.Load(ref bias, j));
            if (TKeep.Value) TW.Store(z, ref zRow, j);
            TW.Store(TW.Invoke(op, z), ref row, j);
        }

        return j;
    }
}
