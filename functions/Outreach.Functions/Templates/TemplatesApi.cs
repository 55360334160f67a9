using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Templates;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Invocation;
using Outreach.Functions.Limits;
using Outreach.Functions.Security;
using Outreach.Functions.Sending;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Templates;

/// <summary>
/// The template library: <c>GET /api/templates</c> (<c>ListTemplates</c>) lists the shipped defaults and the owner's own,
/// each marked; <c>GET|PUT|DELETE /api/templates/{name}</c> (<c>GetTemplate</c>, <c>SaveTemplate</c>, <c>DeleteTemplate</c>)
/// read, replace and remove the owner's template of one kind, <c>{name}</c> being the kind's wire name (<c>thank_you</c>).
/// An owner has at most one template per kind and it replaces the default for every message of that kind, so deleting it
/// brings the default back. A saved template is validated first: 400 lists every problem, 413 names the size limit.
/// Saving or deleting one changes the draft of every planned task of that kind, so those tasks are measured and scored
/// again by the next dispatcher run (<see cref="PendingDrafts"/>).
/// </summary>
internal static class TemplatesApi
{
    public const string ListFunction = "ListTemplates";
    public const string GetFunction = "GetTemplate";
    public const string SaveFunction = "SaveTemplate";
    public const string DeleteFunction = "DeleteTemplate";

    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/templates", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/templates/{name}", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPut("/templates/{name}", SaveAsync).AsFunction(SaveFunction).WithName(SaveFunction).RequireScope(ApiScopes.Write);
        endpoints.MapDelete("/templates/{name}", DeleteAsync).AsFunction(DeleteFunction).WithName(DeleteFunction).RequireScope(ApiScopes.Write);
        return endpoints.MapTemplatePreviews();
    }

    private static async Task<Results<Ok<TemplateListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext context, OwnerAccess access, TableStores stores, SendingTables tables, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var own = await stores.Templates.ListAsync(owner.OwnerId, cancellationToken).ConfigureAwait(false);
        var overridden = own.Select(t => t.Kind).ToHashSet();
        IEnumerable<TemplateSummary> defaults = DefaultTemplates.All.OrderBy(t => t.Kind)
            .Select(t => new TemplateSummary(t.Kind.ToName(), t.Name, TemplateOrigins.Default, InUse: !overridden.Contains(t.Kind)));
        var owners = own.Select(t => new TemplateSummary(t.Kind.ToName(), t.Name, TemplateOrigins.Owner, InUse: true));
        return TypedResults.Ok(new TemplateListResponse([.. defaults, .. owners]));
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> GetAsync(
        string name, HttpContext context, OwnerAccess access, TableStores stores, SendingTables tables, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner
            || KindOrNull(name) is not { } kind)
        {
            return OwnerAccess.NotFound();
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var own = await stores.Templates.FindAsync(owner.OwnerId, kind, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(own is null
            ? TemplateResponse.Of(DefaultTemplates.For(kind), TemplateOrigins.Default)
            : TemplateResponse.Of(own, TemplateOrigins.Owner));
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> SaveAsync(
        string name, SaveTemplateRequest request, HttpContext context, OwnerAccess access, TableStores stores, SendingTables tables,
        IOptions<LimitsOptions> limits, PendingDrafts drafts, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        var kind = TemplateKindNames.Parse(name, "name");
        var template = new MessageTemplate(
            OwnTemplateId(kind), request.Title ?? DefaultTemplates.For(kind).Name, kind, request.Subject ?? string.Empty, request.Text ?? string.Empty, request.Html ?? string.Empty);
        if (TemplateAnswers.TooLarge(context, template, limits.Value) is { } tooLarge)
        {
            return tooLarge;
        }

        if (TemplateValidator.FindProblemsBeforeSaving(template) is { Count: > 0 } problems)
        {
            return TemplateAnswers.Invalid(problems);
        }

        ValidateTitle(template);
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await stores.Templates.SaveAsync(owner.OwnerId, template, cancellationToken).ConfigureAwait(false);
        await drafts.OfTemplateChangedAsync(owner.OwnerId, kind, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(TemplateResponse.Of(template, TemplateOrigins.Owner));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string name, HttpContext context, OwnerAccess access, TableStores stores, SendingTables tables, PendingDrafts drafts,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner
            || KindOrNull(name) is not { } kind)
        {
            return OwnerAccess.NotFound();
        }

        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (!await stores.Templates.DeleteAsync(owner.OwnerId, kind, cancellationToken).ConfigureAwait(false))
        {
            return OwnerAccess.NotFound();
        }

        // The default comes back for this kind: pending drafts now render from it.
        await drafts.OfTemplateChangedAsync(owner.OwnerId, kind, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>The id of an owner's template of a kind: stable across edits (the renderer's cache also keys on content).</summary>
    internal static string OwnTemplateId(TemplateKind kind) => "own-" + kind.ToName();

    private static TemplateKind? KindOrNull(string name) => TemplateKindNames.TryParse(name, out var kind) ? kind : null;

    private static void ValidateTitle(MessageTemplate template)
    {
        try
        {
            TemplateValidator.Validate(template);
        }
        catch (DomainException e) when (e.Target == "name")
        {
            // The route's {name} is the kind; the template's own name travels as "title" in this API.
            throw new DomainException(e.Code, e.Message.Replace("name", "title", StringComparison.Ordinal), "title");
        }
    }
}
