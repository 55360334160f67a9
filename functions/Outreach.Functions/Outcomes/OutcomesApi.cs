using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Outcomes;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;
using Outreach.Storage.Stores;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// <c>POST /api/outcomes</c> (<c>RecordOutcome</c>): an outcome seen outside the inbound webhook (a LinkedIn reply, a
/// meeting booked, an introduction answered), validated by <see cref="ManualOutcomeValidator"/>, stored and applied to
/// the contact's pending steps. <c>GET /api/outcomes?take=</c> (<c>ListOutcomes</c>) lists the owner's outcomes newest first.
/// </summary>
internal static class OutcomesApi
{
    public const string RecordFunction = "RecordOutcome";
    public const string ListFunction = "ListOutcomes";
    private const int DefaultTake = 100;
    private const int MaxTake = 1000;

    public static IEndpointRouteBuilder MapOutcomes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/outcomes", RecordAsync).AsFunction(RecordFunction).WithName(RecordFunction).RequireScope(ApiScopes.Write)
            .Accepts<ManualOutcomeBody>("application/json");
        endpoints.MapGet("/outcomes", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        return endpoints;
    }

    private static async Task<Results<Created<OutcomeResponse>, Ok<OutcomeResponse>, ProblemHttpResult>> RecordAsync(
        HttpContext context, OwnerAccess access, TableStores stores, ManualOutcomeValidator validator, OutcomeRecorder recorder, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } scope)
        {
            return OwnerAccess.NotFound();
        }

        var body = await ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var contactId = body.ContactId;
        if (string.IsNullOrWhiteSpace(contactId) && !string.IsNullOrWhiteSpace(body.TaskId))
        {
            contactId = (await stores.Tasks.FindAsync(scope.OwnerId, body.TaskId, cancellationToken).ConfigureAwait(false))?.ContactId;
            if (contactId is null)
            {
                return OwnerAccess.NotFound();
            }
        }

        if (!string.IsNullOrWhiteSpace(contactId) && await stores.Contacts.GetAsync(scope.OwnerId, contactId, cancellationToken).ConfigureAwait(false) is null)
        {
            return OwnerAccess.NotFound();
        }

        var request = new ManualOutcomeRequest
        {
            Type = body.Type?.Replace('-', '_'),
            ContactId = contactId,
            TaskId = body.TaskId,
            OccurredAt = body.OccurredUtc,
            Note = body.Note,
        };
        var outcome = await validator.ValidateAsync(scope.OwnerId, request, cancellationToken).ConfigureAwait(false);
        List<OutcomeAction> actions = [new StopPendingSteps(outcome.OwnerId, outcome.ContactId, outcome.Type)];
        var added = await recorder.RecordAsync([outcome], actions, cancellationToken).ConfigureAwait(false);
        var response = OutcomeResponse.Of(outcome);
        return added > 0 ? TypedResults.Created((string?)null, response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<OutcomeListResponse>, ProblemHttpResult>> ListAsync(
        HttpContext context, OwnerAccess access, IOutcomeStore outcomes, int? take, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } scope)
        {
            return OwnerAccess.NotFound();
        }

        if (take is < 1 or > MaxTake)
        {
            throw new DomainException("outcome.take", $"The parameter 'take' must be between 1 and {MaxTake}.", "take");
        }

        var all = await outcomes.ListAsync(scope.OwnerId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new OutcomeListResponse([.. all.Reverse().Take(take ?? DefaultTake).Select(OutcomeResponse.Of)]));
    }

    private static async Task<ManualOutcomeBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            throw new DomainException("request.content-type", "Send the outcome as JSON.", "Content-Type");
        }

        try
        {
            return await request.ReadFromJsonAsync<ManualOutcomeBody>(cancellationToken).ConfigureAwait(false)
                ?? new ManualOutcomeBody(null, null, null, null, null);
        }
        catch (JsonException e)
        {
            throw new DomainException("request.bad-json", $"The body is not valid JSON ({e.Path}).", "body");
        }
    }
}
