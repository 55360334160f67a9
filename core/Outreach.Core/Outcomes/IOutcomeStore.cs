namespace Outreach.Core.Outcomes;

/// <summary>
/// Where outcomes are kept, per owner: the inbound webhook, manual outcomes and unsubscribes write them; stop rules,
/// metrics and the model's training labels (<see cref="OutcomeLabeler"/>) read them.
/// </summary>
public interface IOutcomeStore
{
    /// <summary>Records an outcome; false when one with the same <see cref="Outcome.DedupeKey"/> was already recorded.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task<bool> AddAsync(Outcome outcome, CancellationToken cancellationToken);

    /// <summary>The owner's outcomes, oldest first.</summary>
    /// <param name="ownerId">The owner.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<Outcome>> ListAsync(string ownerId, CancellationToken cancellationToken);
}
