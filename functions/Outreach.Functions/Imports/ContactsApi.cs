using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Contacts;
using Outreach.Functions.Hosting;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;
using Outreach.Storage.Stores;
using Outreach.Storage.Tables;

namespace Outreach.Functions.Imports;

/// <summary>
/// The owner's contacts: <c>GET /api/contacts?take=&amp;continuation=</c> (<c>ListContacts</c>, a page in contact-id
/// order and the token of the next one) and <c>GET /api/contacts/{id}</c> (<c>GetContact</c>). Email addresses are
/// not sent, only whether there is one. Another owner's contact answers 404 like a missing one.
/// </summary>
internal static class ContactsApi
{
    public const string ListFunction = "ListContacts";
    public const string GetFunction = "GetContact";
    private const int DefaultTake = 100;

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/contacts", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/contacts/{id}", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        return endpoints;
    }

    private static async Task<Results<Ok<ContactPage>, ProblemHttpResult>> ListAsync(
        int? take, string? continuation, HttpContext context, OwnerAccess access, ImportStorage storage, TableStores stores, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        if (take is < 1 or > TableClient.MaxPageSize)
        {
            throw new DomainException("contacts.bad-parameter", $"take must be between 1 and {TableClient.MaxPageSize}.", "take");
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (contacts, next) = await stores.Contacts.ListPageAsync(owner.OwnerId, take ?? DefaultTake, Decode(continuation), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ContactPage([.. contacts.Select(ContactResponse.Of)], next is null ? null : Encode(next)));
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, OwnerAccess access, ImportStorage storage, TableStores stores, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await stores.Contacts.GetAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is { } contact
            ? TypedResults.Ok(ContactResponse.Of(contact))
            : OwnerAccess.NotFound();
    }

    private static string Encode(TableContinuation continuation) => ContinuationTokens.Encode(continuation);

    private static TableContinuation? Decode(string? token) => ContinuationTokens.Decode<TableContinuation>(
        token, c => c.NextPartitionKey is not null, "contacts.bad-parameter", "continuation is not a token this endpoint handed out.");
}

/// <summary>One page of <c>GET /api/contacts</c>.</summary>
internal sealed record ContactPage(IReadOnlyList<ContactResponse> Contacts, string? Continuation);

/// <summary>A contact as the API shows it: no email address, only whether there is one.</summary>
internal sealed record ContactResponse(
    string Id,
    string? FullName,
    string? Company,
    string? Position,
    bool HasEmail,
    string? LinkedInUrl,
    DateOnly? ConnectedOn,
    IReadOnlyList<ContactEventResponse> Events,
    IReadOnlyList<string> Tags)
{
    public static ContactResponse Of(Contact contact) => new(
        contact.ContactId,
        contact.FullName,
        contact.Company,
        contact.Position,
        !string.IsNullOrEmpty(contact.Email),
        contact.LinkedInUrl,
        contact.ConnectedOn,
        [.. contact.Events.Select(e => new ContactEventResponse(e.Name, e.MetOn))],
        contact.Tags);
}

/// <summary>An event the owner met the contact at.</summary>
internal sealed record ContactEventResponse(string? Name, DateOnly? MetOn);
