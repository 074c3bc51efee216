using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
            if (Vector512.IsHardwareAccelerated)
            {
                for (; l + 16 <= count; l += 16)
                {
                    var v = Vector512.Load(row + l) + Vector512.Load(bias + l);
                    if (z != null) v.Store(z + l);
                    _activation.Forward(v).Store(row + l);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                for (; l + 8 <= count; l += 8)
                {
                    var v = Vector256.Load(row + l) + Vector256.Load(bias + l);
                    if (z != null) v.Store(z + l);
                    _activation.Forward(v).Store(row + l);
                }
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                for (; l + 4 <= count; l += 4)
                {
                    var v = Vector128.Load(row + l) + Vector128.Load(bias + l);
                    if (z != null) v.Store(z + l);
                    _activation.Forward(v).Store(row + l);
                }
            }
        }

        for (; l < count; l++)
        {
            float v = row[l * stride] + bias[l];
            if (z != null) z[l] = v;
            row[l * stride] = _activation.Forward(v);
        }
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
