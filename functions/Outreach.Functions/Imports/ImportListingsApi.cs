using Outreach.Core.Accounts;
using Outreach.Core.Imports;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Invocation;
using Outreach.Functions.Security;

namespace Outreach.Functions.Imports;

/// <summary>
/// A completed import's rows as CSV downloads: <c>GET /api/imports/{id}/rows</c> (<c>GetImportRows</c>, every row's
/// outcome, <see cref="ImportRowsCsv"/>) and <c>GET /api/imports/{id}/rejected</c> (<c>GetRejectedRows</c>, every rejected
/// row to fix and upload again, <see cref="RejectedRowsCsv"/>). The record itself lists only the first rows. 409 while the
/// import is queued or running, and for one that failed (saying why, and to retry it or upload the file again); another owner's
/// import answers 404 like a missing one.
/// </summary>
internal static class ImportListingsApi
{
    public const string RejectedFunction = "GetRejectedRows";
    public const string RowsFunction = "GetImportRows";

    public static IEndpointRouteBuilder MapImportListings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/imports/{id}/rejected", GetRejectedAsync).AsFunction(RejectedFunction).WithName(RejectedFunction).RequireScope(ApiScopes.Read)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        endpoints.MapGet("/imports/{id}/rows", GetRowsAsync).AsFunction(RowsFunction).WithName(RowsFunction).RequireScope(ApiScopes.Read)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    /// <summary>
    /// Every rejected row of a completed import as a CSV to fix and import again (<see cref="RejectedRowsCsv"/>), read
    /// from the kept upload; the record itself lists only the first rows. 409 while the import has not completed.
    /// </summary>
    private static async Task<IResult> GetRejectedAsync(
        string id, HttpContext context, OwnerAccess access, ImportStorage storage, StoppedImports imports, ImportRunner runner, CancellationToken cancellationToken)
    {
        var (import, refusal) = await CompletedAsync(id, context, access, storage, imports, "rejected rows", cancellationToken).ConfigureAwait(false);
        if (import is not (var owner, var record))
        {
            return refusal!;
        }

        if (await storage.Records.Blobs.OpenReadAsync(ImportBlobLayout.Upload(owner.OwnerId, id), cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return OwnerAccess.NotFound();
        }

        var options = runner.WithinLimits(ImportRequest.Of(record).ToOptions(owner.OwnerId, id, record.FileName, record.SizeBytes));
        return TypedResults.Stream(
            async body =>
            {
                await using (file.ConfigureAwait(false))
                {
                    // With a byte order mark, so a spreadsheet opens names with accents as UTF-8.
                    var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
                    await using (writer.ConfigureAwait(false))
                    {
                        await RejectedRowsCsv.WriteAsync(file, options, writer, cancellationToken).ConfigureAwait(false);
                    }
                }
            },
            "text/csv; charset=utf-8",
            $"rejected-rows-{id}.csv");
    }

    /// <summary>
    /// Every row of a completed import and what became of it, as CSV (<see cref="ImportRowsCsv"/>; the record lists the
    /// first rows). 409 while the import has not completed; 404 for an import completed before rows were kept.
    /// </summary>
    private static async Task<IResult> GetRowsAsync(
        string id, HttpContext context, OwnerAccess access, ImportStorage storage, StoppedImports imports, CancellationToken cancellationToken)
    {
        var (import, refusal) = await CompletedAsync(id, context, access, storage, imports, "rows", cancellationToken).ConfigureAwait(false);
        if (import is not (var owner, _))
        {
            return refusal!;
        }

        if (await storage.Records.Blobs.OpenReadAsync(ImportBlobLayout.Rows(owner.OwnerId, id), cancellationToken).ConfigureAwait(false) is not { } rows)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: $"This import completed before Outreach kept every row's outcome: its record lists its first rows, and /api/imports/{id}/rejected every rejected row.",
                extensions: new Dictionary<string, object?> { ["code"] = "import.rows-not-kept" });
        }

        return TypedResults.Stream(rows, ImportRowLog.ContentType, $"rows-{id}.csv");
    }

    /// <summary>
    /// The caller's completed import <paramref name="id"/>, or the answer instead: 404 when there is none (or it is not
    /// theirs), 409 (<c>import.not-completed</c>) while it is queued or running, since its <paramref name="listing"/> is not known yet,
    /// and for a failed one, which will never have it.
    /// </summary>
    private static async Task<(CompletedImport? Import, IResult? Refusal)> CompletedAsync(
        string id, HttpContext context, OwnerAccess access, ImportStorage storage, StoppedImports imports, string listing, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return (null, OwnerAccess.NotFound());
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await imports.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return (null, OwnerAccess.NotFound());
        }

        if (record.Status == ImportStatus.Failed)
        {
            // It will never complete: waiting for it, as the answer to a running import says, would be waiting for good.
            return (null, ConflictProblems.Of(
                "import.not-completed",
                $"The import failed, so its {listing} are not listed: {record.Error} " +
                (record.Retryable ? "Retried, it lists them once it has completed." : "The import of the file uploaded again lists them."),
                "id"));
        }

        if (record.Status != ImportStatus.Completed)
        {
            return (null, ConflictProblems.Of("import.not-completed", $"The import is {record.Status}: its {listing} can be listed once it has completed.", "id"));
        }

        return (new CompletedImport(owner, record), null);
    }

    private sealed record CompletedImport(OwnerScope Owner, ImportRecord Record);
}
