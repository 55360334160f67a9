namespace Outreach.Core.Outcomes;

/// <summary>Finds open sequences by the contact's email, across owners (the same person may be several students' contact).</summary>
public interface IOpenSequenceIndex
{
    /// <summary>Every open sequence whose contact has this email key.</summary>
    /// <param name="emailKey">The lower-cased, trimmed address (<see cref="EmailAddress.Key"/>).</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    Task<IReadOnlyList<OpenSequence>> FindOpenByContactEmailAsync(string emailKey, CancellationToken cancellationToken);
}
