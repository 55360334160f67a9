using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Security;

namespace Outreach.Functions.Imports;

/// <summary>
/// <c>POST /api/imports/{id}/retry</c> (<c>RetryImport</c>): the owner runs a failed import again from the file it kept,
/// as it was asked (event, date, columns, campaign...), instead of uploading the file again. Only an import that failed
/// for a reason that may pass (<see cref="ImportRecord.Retryable"/>: its run stopped, storage failed, the owner was busy,
/// consent was withdrawn) is retried; re-running it is safe, since rows whose contacts are stored change nothing. It is
/// queued for <c>ImportContacts</c> whatever its size (202, <c>Location</c> the record), under its own id, so its report
/// replaces the failed one. 409 (<c>import.not-retryable</c>) for an import under way, completed, or failed because of its
/// file or what it asked for; 409 <c>import.upload-missing</c> when its file is no longer kept, <c>import.upload-changed</c>
/// when the kept file is no longer the one uploaded (<see cref="ImportRecord.UploadSha256"/>), <c>import.campaign-missing</c>
/// when the campaign it enrols in is gone, and <c>import.owner-busy</c> (Retry-After) while another import of the owner,
/// or an erasure, holds the owner's import lease (the kept file and the campaign are checked under it, so an erasure
/// rewriting the file is waited for, never taken for a changed upload). The owner's own: a coach or admin acting for them gets 403
/// <c>import.owner-only</c> (a coach whose upload failed can upload it again), and anyone without access to the owner
/// gets 404, as for a missing import. With a campaign the key needs the send scope, as the upload did.
/// </summary>
internal static class ImportRetry
{
    public const string Function = "RetryImport";

    public static async Task<IResult> HandleAsync(
        string id,
        HttpContext context,
        OwnerAccess access,
        ImportStorage storage,
        StoppedImports imports,
        ImportLeases leases,
        ImportRunner runner,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await access.ResolveAsync(context, ApiScopes.Write, cancellationToken).ConfigureAwait(false) is not { } owner)
        {
            return OwnerAccess.NotFound();
        }

        if (owner.OnBehalf)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Only the owner can retry their own import; a coach can upload the file again for them.",
                extensions: new Dictionary<string, object?> { ["code"] = "import.owner-only", ["target"] = "owner" });
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // Read as it is: one whose run died is judged stopped (failed) first, and so can be retried.
        if (await imports.FindAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return OwnerAccess.NotFound();
        }

        if (record.Campaign is not null && !owner.Caller.Has(ApiScopes.Send))
        {
            // Enrolling plans mail from the owner's mailbox, as the upload did.
            return ScopeProblems.Result(ApiScopes.Send);
        }

        if (Refusal(record) is { } refused)
        {
            return refused;
        }

        ImportRecord queued;
        var lease = await leases.TryAcquireAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return ImportProblems.OwnerBusy(context, new DomainException(
                ImportLeases.OwnerBusyCode, "Another import for this account is running, or a contact is being erased; retry this import once it has finished.", "id"));
        }

        await using (lease.ConfigureAwait(false))
        {
            // Under the owner's lease no import of theirs runs and no erasure rewrites their records, so the record read
            // here is the one replaced, unless another retry or reader saved it first (its version tells).
            if (await storage.Records.FindVersionedAsync(owner.OwnerId, id, cancellationToken).ConfigureAwait(false) is not { } found)
            {
                return OwnerAccess.NotFound();
            }

            // Under the lease too: an erasure holding it rewrites the file and then the record, whose fingerprint matches the file only once both are written.
            if ((Refusal(found.Record) ?? await MissingAsync(storage, runner, found.Record, cancellationToken).ConfigureAwait(false)) is { } changed)
            {
                return changed;
            }

            queued = found.Record.Retried(new ImportStarter(owner.Caller.AccountId, AsCoach: false), time.GetUtcNow());
            if (!await storage.Records.ReplaceAsync(queued, found.Version, cancellationToken).ConfigureAwait(false))
            {
                return ConflictProblems.Of("import.changed", "The import changed while it was being retried (retried from elsewhere?); read it again.", "id");
            }
        }

        await ImportQueueing.SendAsync(storage, queued, time, cancellationToken).ConfigureAwait(false);
        var url = $"/api/imports/{id}";
        return TypedResults.Accepted(url, new ImportAccepted(id, ImportStatus.Queued, url));
    }

    /// <summary>The 409 for an import in a state that cannot be retried, or null when it can.</summary>
    private static ProblemHttpResult? Refusal(ImportRecord record) => record switch
    {
        { Retryable: true } => null,
        { Status: ImportStatus.Queued or ImportStatus.Running } => ConflictProblems.Of(
            "import.not-retryable", $"The import is {record.Status}: it is still under way, so there is nothing to retry; its report says how far it has got.", "id"),
        { Status: ImportStatus.Failed } => ConflictProblems.Of(
            "import.not-retryable",
            $"The import failed because of its file or what it asked for, so retrying it would fail the same way: {record.Error} Fix that and upload the file again.",
            "id"),
        _ => ConflictProblems.Of(
            "import.not-retryable", $"The import is {record.Status}, so there is nothing to retry; upload the file again to import it anew.", "id"),
    };

    /// <summary>The 409 when what the import needs is gone (its kept file, or that file changed since it was uploaded; the campaign it enrols in), or null.</summary>
    private static async Task<ProblemHttpResult?> MissingAsync(ImportStorage storage, ImportRunner runner, ImportRecord record, CancellationToken cancellationToken)
    {
        var file = await storage.Records.Blobs.OpenReadAsync(ImportBlobLayout.Upload(record.OwnerId, record.Id), cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return ConflictProblems.Of(ImportKeptFile.MissingCode, "The file of this import is no longer kept, so it cannot be retried; upload it again.", "id");
        }

        await using (file.ConfigureAwait(false))
        {
            if (!await ImportKeptFile.IsUploadedAsync(file, record, cancellationToken).ConfigureAwait(false))
            {
                return ConflictProblems.Of(
                    ImportKeptFile.ChangedCode,
                    "The file kept for this import is no longer the one that was uploaded (its content has changed since), so it cannot be retried. " +
                    "If you erased a contact and the erasure did not finish, erase that contact again, then retry; otherwise upload the file again.",
                    "id");
            }
        }

        try
        {
            await runner.CampaignAsync(record.OwnerId, record.Campaign, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DomainException e) when (e.Target == "campaign")
        {
            return ConflictProblems.Of(
                "import.campaign-missing",
                $"This import enrols its contacts in campaign '{record.Campaign}', which no longer exists, so it cannot be retried; upload the file again with another campaign, or none.",
                "campaign");
        }
    }
}
