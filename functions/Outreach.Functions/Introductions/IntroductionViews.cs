using Outreach.Core.Introductions;
using Outreach.Core.Sending;

namespace Outreach.Functions.Introductions;

/// <summary>Builds the API view of an introduction: names from the contact table, and B's link while it still works.</summary>
internal sealed class IntroductionViews(IContactReader contacts, ConsentLinks links)
{
    public async Task<IntroductionResponse> ResponseAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        var a = await contacts.GetAsync(introduction.OwnerId, introduction.PersonAContactId, cancellationToken).ConfigureAwait(false);
        var b = await contacts.GetAsync(introduction.OwnerId, introduction.PersonBContactId, cancellationToken).ConfigureAwait(false);
        return IntroductionResponse.Of(introduction, a?.FullName, b?.FullName, links.For(introduction));
    }
}
