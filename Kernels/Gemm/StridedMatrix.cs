namespace SimdMlp.Kernels;

/// <summary>A matrix view by pointer and strides: element (i, j) at <c>Data[i·RowStride + j·ColStride]</c>.</summary>
/// <remarks>Transposing a view swaps its strides, so op(A) and op(B) of both transposes share one code path.</remarks>
internal readonly unsafe struct StridedMatrix(float* data, nint rowStride, nint colStride)
{
    public readonly float* Data = data;
    public readonly nint RowStride = rowStride;
    public readonly nint ColStride = colStride;

    public StridedMatrix Transposed => new(Data, ColStride, RowStride);

    public float* At(nint row, nint col) => Data + row * RowStride + col * ColStride;
}
