using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SimdMlp.Kernels;

/// <summary>Z = C + bias (bias along C's columns), optionally kept, then C = g(Z): a dense layer's forward step.</summary>
/// <typeparam name="TAct">The activation, specialized so the per-element call inlines.</typeparam>
internal readonly unsafe struct BiasActivationEpilogue<TAct> : IGemmEpilogue where TAct : struct, IActivationOperator
{
    private readonly float* _bias;
    private readonly float* _z;
    private readonly nint _zStride;
    private readonly TAct _activation;

    /// <param name="activation">g.</param>
    /// <param name="bias">One bias per column of C.</param>
    /// <param name="z">Null, or where Z goes: row-major with row stride <paramref name="zStride"/> in C's coordinates.</param>
    /// <param name="zStride">Row stride of Z.</param>
    public BiasActivationEpilogue(TAct activation, float* bias, float* z, nint zStride)
    {
        _activation = activation; _bias = bias; _z = z; _zStride = zStride;
    }

    public static bool IsActive => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply(float* block, nint rowStride, nint colStride, int row0, int col0, int rows, int cols, bool transposed)
    {
        for (int r = 0; r < rows; r++)
        {
            float* row = block + r * rowStride;
            if (!transposed)
                ApplyAlongColumns(row, colStride, row0 + r, col0, cols);
            else
                ApplyOneColumn(row, colStride, row0 + r, col0, cols);
        }
    }

    /// <remarks>
    /// The bias is loaded under the mask, so lanes past C's row read nothing past the bias span; Z is stored under
    /// it. Callers run on AVX-512 only (the narrow-n kernels), and every width of the operator gives the scalar
    /// bits, so this matches <see cref="Apply"/> bit for bit.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> ApplyRow(Vector512<float> values, int row, int col0, Vector512<float> mask)
    {
        var z = values + Avx512F.MaskLoad(_bias + col0, mask, Vector512<float>.Zero);
        if (_z != null) Avx512F.MaskStore(_z + row * _zStride + col0, mask, z);
        return _activation.Forward(z);
    }

    /// <remarks>The same operations as <see cref="ApplyRow"/>, so the same bits as <see cref="Apply"/>.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> ApplyVector(Vector512<float> values, int row, int col0)
    {
        var z = values + Vector512.Load(_bias + col0);
        if (_z != null) z.Store(_z + row * _zStride + col0);
        return _activation.Forward(z);
    }

    // A block row is part of a row of C: bias varies along it. Inlined so the macro-kernel (compiled fully optimized
    // from the start) carries it, rather than calling a separately tiered method per tile row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ApplyAlongColumns(float* row, nint stride, int i, int j0, int count)
    {
        float* bias = _bias + j0;
        float* z = _z == null ? null : _z + i * _zStride + j0;
        int l = 0;
        if (stride == 1)
        {
            // The widest vector that fits the row, then one overlapping vector for the rest: the N = 10 output layer's
            // rows (epilogue over all of C after the narrow kernel) used to go 10 elements scalar each, which made the
            // fused [64,128]·[128,10] layer 29 % slower than the bare product (min of 300 trials, 2026-11-23).
            if (Vector512.IsHardwareAccelerated && count >= 16)
                l = AlongColumns<Width512, Vector512<float>>(row, bias, z, count);
            else if (Vector256.IsHardwareAccelerated && count >= 8)
                l = AlongColumns<Width256, Vector256<float>>(row, bias, z, count);
            else if (Vector128.IsHardwareAccelerated && count >= 4)
                l = AlongColumns<Width128, Vector128<float>>(row, bias, z, count);
        }

        for (; l < count; l++)
        {
            float v = row[l * stride] + bias[l];
            if (z != null) z[l] = v;
            row[l * stride] = _activation.Forward(v);
        }
    }

    /// <summary>A contiguous row of count ≥ one vector, in place; returns count.</summary>
    /// <remarks>
    /// The last vector overlaps elements the loop has already done, so it is computed from C <em>before</em> the loop
    /// stores anything and stored after it (as <see cref="ElementwiseDriver"/> does): recomputing it from the stored
    /// values would add the bias twice. Lanes stored twice get the same bits, since every width computes what the
    /// scalar path does.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AlongColumns<TW, TV>(float* row, float* bias, float* z, int count)
        where TW : struct, IVectorWidth<TV>
        where TV : struct
    {
        var op = new ActivationForward<TAct>(_activation);
        ref float rowRef = ref *row, biasRef = ref *bias;
        nuint w = TW.Count, n = (nuint)count, lastAt = n - w;
        TV last = TW.Add(TW.Load(ref rowRef, lastAt), TW.Load(ref biasRef, lastAt));
        nuint l = 0;
        for (; l + w <= n; l += w)
        {
            TV v = TW.Add(TW.Load(ref rowRef, l), TW.Load(ref biasRef, l));
            if (z != null) TW.Store(v, ref *z, l);
            TW.Store(TW.Invoke(op, v), ref rowRef, l);
        }

        if (l < n)
        {
            if (z != null) TW.Store(last, ref *z, lastAt);
            TW.Store(TW.Invoke(op, last), ref rowRef, lastAt);
        }

        return count;
    }

    // A block row is part of a column of C (narrow products run transposed): one bias for the whole row.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ApplyOneColumn(float* row, nint stride, int j, int i0, int count)
    {
        float b = _bias[j];
        float* z = _z == null ? null : _z + i0 * _zStride + j;
        int l = 0;
        if (stride == 1)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                var vb = Vector512.Create(b);
                for (; l + 16 <= count && z == null; l += 16)
                {
                    _activation.Forward(Vector512.Load(row + l) + vb).Store(row + l);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var vb = Vector256.Create(b);
                for (; l + 8 <= count && z == null; l += 8)
                {
                    _activation.Forward(Vector256.Load(row + l) + vb).Store(row + l);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                var vb = Vector128.Create(b);
                for (; l + 4 <= count && z == null; l += 4)
                {
                    _activation.Forward(Vector128.Load(row + l) + vb).Store(row + l);
                }
            }
        }

        for (; l < count; l++)
        {
            float v = row[l * stride] + b;
            if (z != null) z[l * _zStride] = v;
            row[l * stride] = _activation.Forward(v);
        }
    }
}
