namespace SimdMlp.IO;

/// <summary>A training set and a held-out test set with the same features and classes.</summary>
/// <param name="Train">The samples to train on.</param>
/// <param name="Test">The samples to evaluate on.</param>
public sealed record DatasetSplit(Dataset Train, Dataset Test);
