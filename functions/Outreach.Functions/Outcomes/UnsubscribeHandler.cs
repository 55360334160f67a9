using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Carries out a verified unsubscribe: the contact id and, when the contact still exists, its address are suppressed for
/// the owner, an <see cref="OutcomeType.Unsubscribed"/> outcome is stored once per contact and every pending step is
/// skipped. Tokens signed with any key of the ring verify, so links in mail sent before a key rotation keep working.
/// </summary>
internal sealed partial class UnsubscribeHandler(
    SignedTokenService tokens,
    TableStores stores,
    OutcomeRecorder recorder,
    TimeProvider time,
    ILogger<UnsubscribeHandler> logger)
{
    private const string ContactSubjectPrefix = "c:";

    /// <summary>The token's owner and contact when it is valid and names a contact; otherwise null (the reason is logged, not shown).</summary>
    public ReplyTokenTarget? Verify(string token)
    {
        var validation = tokens.Validate(token, MessageComposer.UnsubscribePurpose);
        if (validation.Claims is { } claims && validation.IsValid && claims.Subject.StartsWith(ContactSubjectPrefix, StringComparison.Ordinal)
            && claims.Subject.Length > ContactSubjectPrefix.Length)
        {
            return new ReplyTokenTarget(claims.OwnerId, claims.Subject[ContactSubjectPrefix.Length..], null);
        }

        LogRefused(validation.Status);
        return null;
    }

    /// <summary>Unsubscribes the token's contact; false when the token is not valid. Repeating it changes nothing.</summary>
    public async Task<bool> UnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (Verify(token) is not { } target)
        {
            return false;
        }

        await UnsubscribeAsync(target, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Unsubscribes <paramref name="target"/>'s contact, however it was found. Repeating it changes nothing.</summary>
    public async Task UnsubscribeAsync(ReplyTokenTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await stores.Suppressions.AddAsync(
            SuppressionEntry.ForContact(target.OwnerId, target.ContactId, SkipReasons.Unsubscribed, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        if (await stores.Contacts.GetAsync(target.OwnerId, target.ContactId, cancellationToken).ConfigureAwait(false) is { } contact)
        {
            var (outcome, actions) = UnsubscribeOutcome.Create(target, contact.EmailKey, time);
            await recorder.RecordAsync([outcome], actions, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unsubscribe token ({Status}).")]
    private partial void LogRefused(TokenStatus status);
}
