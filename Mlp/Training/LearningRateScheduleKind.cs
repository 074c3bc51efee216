namespace SimdMlp.Training;

/// <summary>The shape of a <see cref="LearningRateSchedule"/>.</summary>
public enum LearningRateScheduleKind
{
    /// <summary>The base rate throughout.</summary>
    Constant,

    /// <summary>Multiplied by a factor every few epochs.</summary>
    Step,

    /// <summary>Cosine annealing from the base rate to a minimum over the planned epochs.</summary>
    Cosine,
}
