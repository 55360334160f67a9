using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Planning;
using Outreach.Core.Sending;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Campaigns: <c>GET /api/campaigns</c> (own, defaults, shared by a consented coach), <c>POST /api/campaigns</c>,
/// <c>GET|PUT|DELETE /api/campaigns/{id}</c> and <c>POST /api/campaigns/{id}/enrolments</c>. Defaults and shared
/// campaigns are read-only (409); another owner's campaign is 404 like a missing one.
/// </summary>
internal static class CampaignsApi
{
    public const string ListFunction = "ListCampaigns";
    public const string CreateFunction = "CreateCampaign";
    public const string GetFunction = "GetCampaign";
    public const string UpdateFunction = "UpdateCampaign";
    public const string DeleteFunction = "DeleteCampaign";
    public const string EnrolFunction = "EnrolContacts";

    /// <summary>Most contacts one enrolment request may name.</summary>
    public const int MaxContactsPerEnrolment = 1000;

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/campaigns", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPost("/campaigns", CreateAsync).AsFunction(CreateFunction).WithName(CreateFunction).RequireScope(ApiScopes.Write);
        endpoints.MapGet("/campaigns/{id}", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPut("/campaigns/{id}", UpdateAsync).AsFunction(UpdateFunction).WithName(UpdateFunction).RequireScope(ApiScopes.Write);
        endpoints.MapDelete("/campaigns/{id}", DeleteAsync).AsFunction(DeleteFunction).WithName(DeleteFunction).RequireScope(ApiScopes.Write);
        endpoints.MapPost("/campaigns/{id}/enrolments", EnrolAsync).AsFunction(EnrolFunction).WithName(EnrolFunction).RequireScope(ApiScopes.Write | ApiScopes.Send);
        return endpoints;
    }

    private static async Task<Results<Ok<CampaignListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var visible = await catalog.ListAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new CampaignListResponse([.. visible.Select(CampaignResponse.Of)]));
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await catalog.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is { } visible
            ? TypedResults.Ok(CampaignResponse.Of(visible))
            : OwnerAccess.NotFound();
    }

    private static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> CreateAsync(
        CampaignRequest request, HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog, CampaignEditor editor,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        var id = string.IsNullOrWhiteSpace(request.Id) ? "c-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) : request.Id.Trim();
        if (!AccountIds.IsValid(id))
        {
            throw new DomainException("campaign.invalid", $"A campaign id is 1 to {AccountIds.MaxLength} letters, digits, '-' or '_'.", "id");
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await catalog.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.Access == CampaignAccess.Own
                ? ConflictProblems.Of("campaign.exists", $"Campaign '{id}' exists already; change it with PUT /api/campaigns/{id}.", "id")
                : ReadOnly(existing);
        }

        var saved = await editor.SaveAsync(owner.OwnerId, id, request, previous: null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/campaigns/{Uri.EscapeDataString(id)}", CampaignResponse.Of(new VisibleCampaign(saved, CampaignAccess.Own)));
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> UpdateAsync(
        string id, CampaignRequest request, HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog, CampaignEditor editor,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (own, problem) = await EditableAsync(owner.OwnerId, id, catalog, cancellationToken).ConfigureAwait(false);
        if (own is null)
        {
            return problem!;
        }

        if (request.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            throw new DomainException("campaign.invalid", "The body's id differs from the id in the URL; a campaign's id cannot change (task ids derive from it).", "id");
        }

        var saved = await editor.SaveAsync(owner.OwnerId, id, request, own, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CampaignResponse.Of(new VisibleCampaign(saved, CampaignAccess.Own)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog, CampaignEditor editor,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (own, problem) = await EditableAsync(owner.OwnerId, id, catalog, cancellationToken).ConfigureAwait(false);
        if (own is null)
        {
            return problem!;
        }

        await editor.DeleteAsync(own, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> EnrolAsync(
        string id, EnrolmentRequest request, HttpContext context, OwnerAccess access, DispatchStorage storage, CampaignCatalog catalog,
        IContactReader contacts, EnrolmentService enrolment, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write | ApiScopes.Send, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        var ids = (request.ContactIds ?? []).ToList();
        if (ids.Count is 0 or > MaxContactsPerEnrolment)
        {
            throw new DomainException("enrolment.invalid", $"Name 1 to {MaxContactsPerEnrolment} contacts to enrol.", "contactIds");
        }

        if (ids.FindIndex(string.IsNullOrWhiteSpace) is var blank and >= 0)
        {
            throw new DomainException("enrolment.invalid", "A contact id is empty.", $"contactIds[{blank}]");
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await catalog.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return OwnerAccess.NotFound();
        }

        var known = new List<Contact>();
        var skipped = new List<SkippedContact>();
        foreach (var contactId in ids.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await contacts.GetAsync(owner.OwnerId, contactId, cancellationToken).ConfigureAwait(false) is { } contact)
            {
                known.Add(contact);
            }
            else
            {
                skipped.Add(new SkippedContact(contactId, null, "unknown-contact")); // another owner's contact reads the same as none
            }
        }

        if (known.Count == 0)
        {
            return TypedResults.Ok(new EnrolmentResponse(0, 0, skipped));
        }

        var result = await enrolment.EnrolAsync(owner.OwnerId, campaign.Campaign, known, cancellationToken).ConfigureAwait(false);
        skipped.AddRange(result.SkippedSteps.Select(s => new SkippedContact(s.ContactId, s.StepId, s.Reason)));
        return TypedResults.Ok(new EnrolmentResponse(result.Planned, result.AlreadyEnrolled, skipped));
    }

    /// <summary>The owner's own campaign, or the answer to give instead: 404 when there is none, 409 when it is read-only.</summary>
    private static async Task<(Campaign? Own, ProblemHttpResult? Problem)> EditableAsync(string ownerId, string id, CampaignCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.FindAsync(ownerId, id, cancellationToken).ConfigureAwait(false) switch
        {
            null => (null, OwnerAccess.NotFound()),
            { Access: CampaignAccess.Own } own => (own.Campaign, null),
            { } readOnly => (null, ReadOnly(readOnly)),
        };

    private static ProblemHttpResult ReadOnly(VisibleCampaign campaign) => campaign.Access == CampaignAccess.Default
        ? ConflictProblems.Of("campaign.read-only", $"'{campaign.Campaign.CampaignId}' is a default campaign and cannot be changed; create your own with POST /api/campaigns.", "id")
        : ConflictProblems.Of("campaign.read-only", $"'{campaign.Campaign.CampaignId}' is shared with you by your coach and cannot be changed here.", "id");
}
