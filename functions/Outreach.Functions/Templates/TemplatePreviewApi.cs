using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Contacts;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Introductions;
using Outreach.Functions.Invocation;
using Outreach.Functions.Limits;
using Outreach.Functions.Security;
using Outreach.Functions.Sending;

namespace Outreach.Functions.Templates;

/// <summary>
/// Renders without sending, always through <see cref="MessageComposer"/> (the sender's own renderer), so what the owner
/// reads is what goes out: <c>POST /api/templates/preview</c> (<c>PreviewTemplate</c>) renders a stored or inline
/// template for one of the owner's contacts as an email, or an introduction template for one of the owner's
/// introductions (both people, the reason, B's consent link on an ask); <c>GET /api/tasks/{id}/draft</c>
/// (<c>GetTaskDraft</c>) renders a task's message: the copyable text of a LinkedIn task, or exactly the email an email
/// task sends. Both read with read scope, so B's consent link, which answers yes for B, shows only to whoever the
/// introduction itself shows it to (<see cref="IntroductionViews.MaySeeConsentLink"/>); anyone else reads
/// <see cref="TemplateModel.WithheldConsentLink"/> in its place.
/// </summary>
internal static class TemplatePreviewApi
{
    public const string PreviewFunction = "PreviewTemplate";
    public const string DraftFunction = "GetTaskDraft";

    /// <summary>Id of an inline template while it is previewed; the renderer's cache also keys on its content.</summary>
    private const string InlineTemplateId = "inline-preview";

    public static IEndpointRouteBuilder MapTemplatePreviews(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/templates/preview", PreviewAsync).AsFunction(PreviewFunction).WithName(PreviewFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/tasks/{id}/draft", DraftAsync).AsFunction(DraftFunction).WithName(DraftFunction).RequireScope(ApiScopes.Read);
        return endpoints;
    }

    private static async Task<Results<Ok<RenderedResponse>, ProblemHttpResult>> PreviewAsync(
        PreviewTemplateRequest request, HttpContext context, OwnerAccess access, SendStores stores, SendingTables tables,
        MessageComposer composer, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        var forIntroduction = !string.IsNullOrWhiteSpace(request.IntroductionId);
        if (forIntroduction == !string.IsNullOrWhiteSpace(request.ContactId))
        {
            throw forIntroduction
                ? new DomainException("preview.contact-or-introduction", "Give contactId or introductionId, not both: an introduction's message goes to its own two people.", "contactId")
                : new DomainException("preview.contact-required", "Name the contact to preview the message for (contactId), or the introduction to preview an introduction template for (introductionId).", "contactId");
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        MessageTemplate template;
        switch (request)
        {
            case { Name: { } name, Template: null, Kind: null }:
                template = await stores.Templates.ResolveAsync(owner.OwnerId, TemplateKindNames.Parse(name, "name"), cancellationToken).ConfigureAwait(false);
                break;
            case { Name: { }, Template: null }:
                throw new DomainException("preview.kind-with-name", "kind goes with an inline template; a stored template's name is its kind.", "kind");
            case { Name: null, Template: { } parts }:
                var kind = request.Kind is null ? TemplateKind.ThankYou : TemplateKindNames.Parse(request.Kind, "kind");
                template = new MessageTemplate(InlineTemplateId, "Preview", kind, parts.Subject ?? string.Empty, parts.Text ?? string.Empty, parts.Html ?? string.Empty);
                if (TemplateAnswers.TooLarge(context, template, limits.Value) is { } tooLarge)
                {
                    return tooLarge;
                }

                if (TemplateValidator.FindProblems(template) is { Count: > 0 } problems)
                {
                    return TemplateAnswers.Invalid(problems);
                }

                break;
            default:
                throw new DomainException("preview.template-required", "Give either the name of a stored template or an inline template, not both.", "template");
        }

        if (template.Kind.IsIntroductionKind() != forIntroduction)
        {
            var name = TemplateKindNames.ToName(template.Kind);
            throw forIntroduction
                ? new DomainException("preview.not-introduction-template", $"introductionId goes with an introduction template (intro_ask, intro or nudge), not {name}; preview {name} for a contact (contactId).", "introductionId")
                : new DomainException("preview.introduction-required", $"A {name} message names the two people of an introduction: give introductionId to preview it for one of your introductions.", "introductionId");
        }

        if (forIntroduction)
        {
            return await PreviewIntroductionAsync(owner, request.IntroductionId!, template, stores, composer, cancellationToken).ConfigureAwait(false);
        }

        if (await ReadContactAndSenderAsync(stores, owner.OwnerId, request.ContactId!, cancellationToken).ConfigureAwait(false) is not ({ } contact, { } sender))
        {
            return OwnerAccess.NotFound();
        }

        return TypedResults.Ok(RenderedResponse.Of(composer.RenderEmail(owner.OwnerId, contact, sender, template), template));
    }

    /// <summary>
    /// An introduction template for one of the owner's introductions; 404 when the introduction, or one of its two people,
    /// is not there. B's consent link shows only to whoever may see it (<see cref="IntroductionViews.MaySeeConsentLink"/>).
    /// </summary>
    private static async Task<Results<Ok<RenderedResponse>, ProblemHttpResult>> PreviewIntroductionAsync(
        OwnerScope owner, string introductionId, MessageTemplate template, SendStores stores, MessageComposer composer, CancellationToken cancellationToken)
    {
        var ownerId = owner.OwnerId;
        var detailsRead = IntroductionDetails.OfAsync(ownerId, introductionId, stores.Introductions, stores.Contacts, cancellationToken);
        var senderRead = stores.Profiles.GetAsync(ownerId, cancellationToken);
        await Task.WhenAll(detailsRead, senderRead).ConfigureAwait(false);
        if (await detailsRead.ConfigureAwait(false) is not { } introduction)
        {
            return OwnerAccess.NotFound();
        }

        var sender = await senderRead.ConfigureAwait(false) ?? throw SenderRequired();
        try
        {
            return TypedResults.Ok(RenderedResponse.Of(composer.RenderIntroductionEmail(introduction, sender, template, IntroductionViews.MaySeeConsentLink(owner)), template));
        }
        catch (DomainException e) when (e.Code == "introduction.consent-closed")
        {
            return ConflictProblems.Of(e.Code, $"Introduction '{introductionId}' no longer awaits B's answer, so it has no consent ask to preview.", "introductionId");
        }
    }

    private static async Task<Results<Ok<RenderedResponse>, ProblemHttpResult>> DraftAsync(
        string id, HttpContext context, OwnerAccess access, SendStores stores, SendingTables tables, MessageComposer composer, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await stores.Tasks.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } task
            || await ReadContactAndSenderAsync(stores, owner.OwnerId, task.ContactId, cancellationToken).ConfigureAwait(false) is not ({ } contact, { } sender))
        {
            return OwnerAccess.NotFound();
        }

        // An introduction's message names both people, as the sent one does; an ask carries B's consent link only for
        // whoever may hold it, since it answers yes for B.
        var introduction = await IntroductionDetails.OfAsync(task, stores.Introductions, stores.Contacts, cancellationToken).ConfigureAwait(false);
        var template = await stores.Templates.ResolveAsync(owner.OwnerId, task.Template, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(RenderedResponse.Of(composer.Render(task, contact, sender, template, introduction, IntroductionViews.MaySeeConsentLink(owner)), template));
    }

    /// <summary>The contact (null when the owner has no such contact) and the owner's sender profile, which a message needs.</summary>
    /// <exception cref="DomainException">The owner has no sender profile yet.</exception>
    private static async Task<(Contact Contact, SenderProfile Sender)?> ReadContactAndSenderAsync(
        SendStores stores, string ownerId, string contactId, CancellationToken cancellationToken)
    {
        var contactRead = stores.Contacts.GetAsync(ownerId, contactId, cancellationToken);
        var senderRead = stores.Profiles.GetAsync(ownerId, cancellationToken);
        await Task.WhenAll(contactRead, senderRead).ConfigureAwait(false);
        if (await contactRead.ConfigureAwait(false) is not { } contact)
        {
            return null;
        }

        return await senderRead.ConfigureAwait(false) is { } sender ? (contact, sender) : throw SenderRequired();
    }

    private static DomainException SenderRequired() =>
        new("sender.profile-required", "Set up the sender profile (PUT /api/sender) first: every message is signed and sent from it.", "sender");
}
