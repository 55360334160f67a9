using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Accounts;
using Outreach.Core.Scoring.History;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;
using Outreach.Storage.Stores.Scoring;

namespace Outreach.Functions.Scoring;

/// <summary>
/// <c>GET /api/model</c> (<c>GetModel</c>): the deployed response model's summary, a trained model's pooled figures
/// only where they cannot single out another owner's outcomes, and the caller's own figures (<see cref="ModelSummaryResponse"/>). <c>GET /api/history?format=csv</c>
/// (<c>ExportHistory</c>): the owner's labelled outreach history in the schema of <c>docs/history-schema.md</c>, with
/// formula-looking cells neutralised for spreadsheets.
/// </summary>
internal static class ModelApi
{
    public const string GetModelFunction = "GetModel";
    public const string ExportHistoryFunction = "ExportHistory";

    public static IEndpointRouteBuilder MapModel(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/model", GetModelAsync).AsFunction(GetModelFunction).WithName(GetModelFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/history", ExportHistoryAsync).AsFunction(ExportHistoryFunction).WithName(ExportHistoryFunction).RequireScope(ApiScopes.Read);
        return endpoints;
    }

    private static async Task<Results<Ok<ModelSummaryResponse>, ProblemHttpResult>> GetModelAsync(
        HttpContext context, OwnerAccess access, DeployedModels models, BlobModelStore store, HistoryAssembler history, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } scope)
        {
            return OwnerAccess.NotFound();
        }

        var deployed = await models.GetAsync(cancellationToken).ConfigureAwait(false);
        var own = await history.AssembleAsync(scope.OwnerId, cancellationToken).ConfigureAwait(false);
        var yours = ModelOwnFiguresResponse.Of(deployed.Model, own, cancellationToken);
        var lastRun = await store.GetLatestTrainingRecordAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ModelSummaryResponse.Of(deployed, scope.Caller.Kind == AccountKind.Admin, yours, lastRun));
    }

    private static async Task<IResult> ExportHistoryAsync(
        HttpContext context, string? format, OwnerAccess access, HistoryAssembler history, CancellationToken cancellationToken)
    {
        if (format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unsupported format.",
                detail: $"The history is exported as csv; format '{format}' is not supported.",
                extensions: new Dictionary<string, object?> { ["field"] = "format" });
        }

        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } scope)
        {
            return OwnerAccess.NotFound();
        }

        var rows = await history.AssembleAsync(scope.OwnerId, cancellationToken).ConfigureAwait(false);
        using var text = new StringWriter();
        HistoryCsv.WriteForSpreadsheet(text, rows, cancellationToken);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"outreach-history.csv\"";
        return TypedResults.Text(text.ToString(), "text/csv", Encoding.UTF8);
    }
}
