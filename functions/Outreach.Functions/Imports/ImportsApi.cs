using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Imports;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Invocation;
using Outreach.Functions.Limits;
using Outreach.Functions.Security;

namespace Outreach.Functions.Imports;

/// <summary>
/// Contact imports: <c>POST /api/imports</c> (<c>StartImport</c>) takes a CSV body or a multipart upload (field
/// <c>file</c>) with <c>event</c>, <c>metOn</c>, <c>campaign</c>, <c>format</c>, <c>dateCulture</c>, <c>columns</c> and
/// <c>check</c> (report what the import would do, store nothing; naming a <c>campaign</c> otherwise also takes the send
/// scope, since enrolling plans mail), or a ZIP archive
/// holding the file (LinkedIn's data export: its Connections.csv is taken, nothing else kept); a file up to
/// <see cref="ImportsOptions.SyncMaxBytes"/> is imported at once (200 with the record), a larger one is stored and
/// queued for <c>ImportContacts</c> (202, <c>Location</c> the record). 415 for binary input, 400 naming the parameter or
/// listing the known headers, 413 over <c>Limits:MaxUploadBytes</c>. <c>GET /api/imports/{id}</c> (<c>GetImport</c>) and
/// <c>GET /api/imports</c> (<c>ListImports</c>, newest first), both showing an import whose run died as failed, saying so
/// (<see cref="StoppedImports"/>); <c>POST /api/imports/{id}/retry</c> (<see cref="ImportRetry"/>) runs a failed one again from its
/// kept file; a completed import's rows as CSV are in <see cref="ImportListingsApi"/>. Another
/// owner's import answers 404 like a missing one.
/// </summary>
internal static class ImportsApi
{
    public const string StartFunction = "StartImport";
    public const string GetFunction = "GetImport";
    public const string ListFunction = "ListImports";
    private const int ListedImports = 100;

    /// <summary>How long saving the record of an import cut short may take, once the request itself may be gone.</summary>
    private static readonly TimeSpan FailureRecordingTime = TimeSpan.FromSeconds(30);

    /// <summary>The error of a large upload whose queue message could not be sent.</summary>
    /// <summary>The error of an import cut short before it wrote any row (one that wrote some says what it stored, <see cref="ImportRecord.Failed"/>).</summary>
    internal const string CouldNotComplete = "The import could not be completed; retry it.";

    internal const string NotQueued = "The file could not be queued for import, so nothing was imported; retry the import.";

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder endpoints)
    {
        // The multipart form is read by hand, not bound: binding a form would demand an antiforgery token, which a
        // Bearer-key call (the only way in: no cookies) does not need, since another site cannot attach the key. No
        // content types are declared either: routing would answer any other with a bare 415, while the upload takes
        // any body and its content decides (a binary one is a 415 problem saying why).
        endpoints.MapPost("/imports", StartAsync).AsFunction(StartFunction).WithName(StartFunction).RequireScope(ApiScopes.Write).AllowsUpload();
        endpoints.MapGet("/imports/{id}", GetAsync).AsFunction(GetFunction).WithName(GetFunction).RequireScope(ApiScopes.Read);
        endpoints.MapGet("/imports", ListAsync).AsFunction(ListFunction).WithName(ListFunction).RequireScope(ApiScopes.Read);
        endpoints.MapPost("/imports/{id}/retry", ImportRetry.HandleAsync).AsFunction(ImportRetry.Function).WithName(ImportRetry.Function).RequireScope(ApiScopes.Write);
        return endpoints;
    }

    private static async Task<IResult> StartAsync(
        HttpContext context,
        OwnerAccess access,
        ImportStorage storage,
        ImportRunner runner,
        IOptions<ImportsOptions> options,
        IOptions<LimitsOptions> limits,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        string? keptUpload = null;
        try
        {
            await using var upload = await ImportUpload.ReadAsync(context.Request, limits.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
            var request = ImportRequest.Parse(upload.Parameter, upload.DeclaredCharset);
            if (request.Campaign is not null && !request.Check)
            {
                // Enrolling plans mail from the owner's mailbox: the key needs the send scope (403 naming it), and a
                // coach the client's consent to send (404, as for anything else the consent does not cover).
                if (!owner.Caller.Has(ApiScopes.Send))
                {
                    return ScopeProblems.Result(ApiScopes.Send);
                }

                if (await access.RequireAsync(owner.Caller, owner.OwnerId, ApiScopes.Write | ApiScopes.Send, cancellationToken).ConfigureAwait(false) is null)
                {
                    return OwnerAccess.NotFound();
                }
            }

            var campaign = await runner.CampaignAsync(owner.OwnerId, request.Campaign, cancellationToken).ConfigureAwait(false);
            await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

            var now = time.GetUtcNow();
            var id = ImportIds.New(now);
            var importOptions = request.ToOptions(owner.OwnerId, id, upload.FileName, upload.Length);
            await using var input = upload.OpenRead();
            if (request.Check)
            {
                // What the import would do, nothing stored: its id leads nowhere.
                var check = await runner.StartCheckAsync(input, importOptions, cancellationToken).ConfigureAwait(false);
                await using (check.ConfigureAwait(false))
                {
                    var checkRecord = request.NewRecord(owner.OwnerId, id, upload.FileName, upload.Length, check.Format, now);
                    return TypedResults.Ok(await runner.CheckAsync(check, checkRecord, cancellationToken).ConfigureAwait(false));
                }
            }

            var progress = new LatestImportProgress();
            var import = await runner.StartAsync(input, importOptions, progress, cancellationToken).ConfigureAwait(false);
            await using (import.ConfigureAwait(false))
            {
                await using (var copy = upload.OpenRead())
                {
                    keptUpload = ImportBlobLayout.Upload(owner.OwnerId, id);
                    await storage.Records.Blobs.UploadAsync(keptUpload, copy, "text/csv", cancellationToken).ConfigureAwait(false);
                }

                string uploadHash;
                await using (var kept = upload.OpenRead())
                {
                    uploadHash = await ImportFileHash.OfAsync(kept, cancellationToken).ConfigureAwait(false);
                }

                var record = request.NewRecord(owner.OwnerId, id, upload.FileName, upload.Length, import.Format, now) with
                {
                    StartedBy = new ImportStarter(owner.Caller.AccountId, owner.OnBehalf && owner.Caller.Kind == AccountKind.Coach),
                    UploadSha256 = uploadHash,
                };
                if (upload.Length <= options.Value.SyncMaxBytes)
                {
                    var running = record with { Status = ImportStatus.Running, ActiveUtc = now };
                    return TypedResults.Ok(await RunAtOnceAsync(runner, runner.Run(running), import, campaign, progress, time, cancellationToken).ConfigureAwait(false));
                }

                await ImportQueueing.QueueAsync(storage, record with { ActiveUtc = now, Deliveries = 0, QueuedUtc = now }, time, cancellationToken).ConfigureAwait(false);
                var url = ReportUrl(owner, id);
                return TypedResults.Accepted(url, new ImportAccepted(id, ImportStatus.Queued, url));
            }
        }
        catch (DomainException e) when (ImportProblems.Handles(e))
        {
            return ImportProblems.For(e, limits.Value);
        }
        catch (DomainException e) when (e.Code == ImportLeases.OwnerBusyCode)
        {
            // Nothing was imported: the file is not kept either (it has no record to be found by).
            if (keptUpload is not null)
            {
                await storage.Records.Blobs.DeleteIfExistsAsync(keptUpload, cancellationToken).ConfigureAwait(false);
            }

            return ImportProblems.OwnerBusy(context, e);
        }
        catch (DomainException e) when (e.Code is ImportRun.SupersededCode or ImportLeases.LostCode)
        {
            // Judged stopped while it ran (it showed no sign of life for too long) and retried, or not; or it stalled and
            // another import or an erasure went ahead: its record says what it stored.
            return ConflictProblems.Of(e);
        }
    }

    /// <summary>
    /// Runs an import while the caller waits, its record showing its progress when it runs long. One cut short (the caller
    /// gone, storage failing, the owner's lease lost while it stalled) has stored the contacts of the rows it got through: its record is saved as failed, counting
    /// them and saying to retry it, so the import is listed and its upload found, rather than its contacts
    /// showing up with no import behind them and the next upload of the file reporting them all as already known unexplained.
    /// The failed record is written only while the record is still the run's (<see cref="ImportRun"/>): one judged stopped
    /// and retried meanwhile stays retried.
    /// </summary>
    private static async Task<ImportRecord> RunAtOnceAsync(
        ImportRunner runner,
        ImportRun run,
        ContactImport import,
        Campaign? campaign,
        LatestImportProgress progress,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(import, run, campaign, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not DomainException || e is DomainException { Code: ImportLeases.LostCode })
        {
            // The request's token may be what ended it: the failure is recorded on a token of its own, bounded in time.
            using var recording = new CancellationTokenSource(FailureRecordingTime);
            var (error, code) = e is DomainException lost
                ? (lost.Message, lost.Code)
                : (progress.Latest is null ? CouldNotComplete : "The import could not be completed.", null);
            try
            {
                await run.SaveAsync(r => r.Failed(error, progress.Latest, time.GetUtcNow()) with { ErrorCode = code }, recording.Token).ConfigureAwait(false);
            }
            catch (DomainException superseded) when (superseded.Code == ImportRun.SupersededCode)
            {
                // No longer this run's record: whoever took it has said what it is.
            }

            throw;
        }
    }

    private static async Task<Results<Ok<ImportRecord>, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, OwnerAccess access, ImportStorage storage, StoppedImports imports, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await imports.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is { } record
            ? TypedResults.Ok(record)
            : OwnerAccess.NotFound();
    }

    private static async Task<Results<Ok<ImportList>, ProblemHttpResult>> ListAsync(
        HttpContext context, OwnerAccess access, ImportStorage storage, StoppedImports imports, CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Read, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ImportList(await imports.ListAsync(owner.OwnerId, ListedImports, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>The record's URL; a coach acting for a client keeps the client's id on it.</summary>
    private static string ReportUrl(OwnerScope owner, string id) =>
        owner.OnBehalf ? $"/api/imports/{id}?{OwnerAccess.OwnerQuery}={Uri.EscapeDataString(owner.OwnerId)}" : $"/api/imports/{id}";
}

/// <summary>The 202 answer to a queued import.</summary>
internal sealed record ImportAccepted(string Id, string Status, string ReportUrl);

/// <summary>The answer to <c>GET /api/imports</c>.</summary>
internal sealed record ImportList(IReadOnlyList<ImportSummary> Imports);
