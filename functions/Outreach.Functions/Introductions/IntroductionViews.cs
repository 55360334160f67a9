using Outreach.Core.Accounts;
using Outreach.Core.Introductions;
using Outreach.Core.Sending;
using Outreach.Functions.Security;

namespace Outreach.Functions.Introductions;

/// <summary>
/// Builds the API view of an introduction: names from the contact table, and B's link while it still works. Whoever
/// holds that link can answer yes for B, which sends the introduction, so the link is shown only to the owner
/// themselves with a key that may write and send: never to a coach or an admin acting for them, nor to a read-only key.
/// </summary>
internal sealed class IntroductionViews(IContactReader contacts, ConsentLinks links)
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

    public async Task<IntroductionResponse> ResponseAsync(Introduction introduction, OwnerScope viewer, CancellationToken cancellationToken)
    {
        var a = await contacts.GetAsync(introduction.OwnerId, introduction.PersonAContactId, cancellationToken).ConfigureAwait(false);
        var b = await contacts.GetAsync(introduction.OwnerId, introduction.PersonBContactId, cancellationToken).ConfigureAwait(false);
        return IntroductionResponse.Of(introduction, a?.FullName, b?.FullName, MaySeeConsentLink(viewer) ? links.For(introduction) : null);
    }
}
