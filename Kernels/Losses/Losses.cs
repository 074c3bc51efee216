namespace SimdMlp.Kernels;

/// <summary>
/// Fused loss kernels for the output layer of a network: each returns the loss averaged over the batch and, in the
/// same call, writes dZ = (Ŷ − Y)/m, the gradient of that loss with respect to the head's pre-activation Z.
/// </summary>
/// <remarks>
/// <para>
/// Shapes are row-major [batch, n] with m = batch. Inputs define the size; each output must hold at least as many
/// elements and only that many are written. An output may be its input itself (in place), but must not otherwise
/// overlap an input, the targets or the other output.
/// </para>
/// <para>
/// Accuracy: the loss is accumulated in double (per-row softmax sums in float, combined in double), so it does not
/// degrade with the batch size; it is deterministic for a given SIMD path, and paths differ by a few float
/// roundings. Outputs are float, within a few units in the last place of the exact values.
/// </para>
/// <para>After warm-up, calls allocate nothing. An empty batch returns 0 and writes nothing.</para>
/// </remarks>
public static partial class Losses
{
}
