namespace Outreach.Core.Scoring.History;

/// <summary>One sent outreach and its outcome: a training example for the response model.</summary>
/// <param name="OutreachId">The outreach (task) id.</param>
/// <param name="OwnerId">The student or coach who sent it.</param>
/// <param name="Features">What was known before sending.</param>
/// <param name="Replied">Whether the recipient replied.</param>
/// <param name="TrueProbability">The generating probability, present only in synthetic histories (column <c>true_p</c>).</param>
public sealed record HistoryRow(
    string OutreachId,
    string OwnerId,
    OutreachFeatures Features,
    bool Replied,
    double? TrueProbability = null);
