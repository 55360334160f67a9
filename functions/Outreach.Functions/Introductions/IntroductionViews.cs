using Outreach.Core.Accounts;
using Outreach.Core.Introductions;
using Outreach.Core.Sending;
using Outreach.Functions.Security;

namespace Outreach.Functions.Introductions;

/// <summary>
/// Builds the API view of an introduction: names from the contact table, the display names of the accounts that
/// confirmed A's agreement and recorded B's answer (the audit fields keep account ids; people read names), and B's link
/// while it still works. Whoever holds that link can answer yes for B, which sends the introduction, so the link is
/// shown only to the owner themselves with a key that may write and send: never to a coach or an admin acting for them,
/// nor to a read-only key.
/// </summary>
internal sealed class IntroductionViews(IContactReader contacts, ConsentLinks links, AccountService accounts)
{
    /// <summary>
    /// Whether <paramref name="viewer"/> may see B's consent link: the one rule for every place that shows it (this view,
    /// and the preview and draft of a consent ask, which show a placeholder to anyone else).
    /// </summary>
    public static bool MaySeeConsentLink(OwnerScope viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return !viewer.OnBehalf && viewer.Caller.Has(ApiScopes.Write | ApiScopes.Send);
    }

    public Task<IntroductionResponse> ResponseAsync(Introduction introduction, OwnerScope viewer, CancellationToken cancellationToken) =>
        ResponseAsync(introduction, viewer, new Dictionary<string, string?>(StringComparer.Ordinal), cancellationToken);

    /// <summary>The views of a list: an account named in many rows (the introducer, their coach) is read once.</summary>
    public async Task<IReadOnlyList<IntroductionResponse>> ResponsesAsync(
        IEnumerable<Introduction> introductions, OwnerScope viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var shown = new List<IntroductionResponse>();
        foreach (var introduction in introductions)
        {
            shown.Add(await ResponseAsync(introduction, viewer, names, cancellationToken).ConfigureAwait(false));
        }

        return shown;
    }

    private async Task<IntroductionResponse> ResponseAsync(
        Introduction introduction, OwnerScope viewer, Dictionary<string, string?> names, CancellationToken cancellationToken)
    {
        var a = await contacts.GetAsync(introduction.OwnerId, introduction.PersonAContactId, cancellationToken).ConfigureAwait(false);
        var b = await contacts.GetAsync(introduction.OwnerId, introduction.PersonBContactId, cancellationToken).ConfigureAwait(false);
        var confirmedBy = await AccountNameAsync(introduction.PersonAConsentConfirmedBy, names, cancellationToken).ConfigureAwait(false);
        var recordedBy = introduction.AnswerRecordedBy == ConsentResponder.ConsentLink
            ? null
            : await AccountNameAsync(introduction.AnswerRecordedBy, names, cancellationToken).ConfigureAwait(false);
        return IntroductionResponse.Of(
            introduction, a?.FullName, b?.FullName, MaySeeConsentLink(viewer) ? links.For(introduction) : null, confirmedBy, recordedBy);
    }

    /// <summary>The display name of <paramref name="accountId"/>, or null when there is none or the account is gone.</summary>
    private async Task<string?> AccountNameAsync(string? accountId, Dictionary<string, string?> names, CancellationToken cancellationToken)
    {
        if (accountId is null)
        {
            return null;
        }

        if (!names.TryGetValue(accountId, out var name))
        {
            name = (await accounts.FindAccountAsync(accountId, cancellationToken).ConfigureAwait(false))?.DisplayName;
            names[accountId] = string.IsNullOrWhiteSpace(name) ? null : name;
        }

        return names[accountId];
    }
}
