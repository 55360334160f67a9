namespace Outreach.Core.Outcomes;

/// <summary>A sent task's training label.</summary>
/// <param name="Status">Pending, positive, negative or excluded.</param>
public readonly record struct TrainingLabel(LabelStatus Status)
{
    /// <summary>1 for positive, 0 for negative, null when there is no label (pending or excluded).</summary>
    public int? Value => Status switch
    {
        LabelStatus.Positive => 1,
        LabelStatus.Negative => 0,
        _ => null,
    };
}
