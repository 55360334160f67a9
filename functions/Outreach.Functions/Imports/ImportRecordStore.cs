using Azure;
using System.Text.Json;
using Outreach.Storage;
using Outreach.Storage.Blobs;
using Outreach.Storage.Tables;

namespace Outreach.Functions.Imports;

/// <summary>
/// Imports of each owner: a row in the <c>Imports</c> table (partition the owner, row key the id, which sorts newest
/// first; owner ids are account ids, letters, digits, '-' and '_', safe as keys) with the summary <c>GET /api/imports</c> lists, and the whole record as JSON in the <c>imports</c> container,
/// next to the uploaded file (<see cref="ImportBlobLayout"/>).
/// </summary>
internal sealed class ImportRecordStore(TableClient table, BlobContainerClient blobs)
{
    private const string RecordContentType = "application/json";

    public BlobContainerClient Blobs => blobs;

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await blobs.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the record (blob first, so a listed import always has its record); the versions written.</summary>
    public async Task<ImportRecordVersion> SaveAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        ETag written;
        using (var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, JsonSerializerOptions.Web)))
        {
            written = await blobs.UploadVersionedAsync(ImportBlobLayout.Report(record.OwnerId, record.Id), json, RecordContentType, cancellationToken).ConfigureAwait(false);
        }

        var summary = await table.UpsertAsync(Summary(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return new ImportRecordVersion(written, summary);
    }

    /// <summary>The owner's import, or null (also for an id that is not theirs).</summary>
    public async Task<ImportRecord?> FindAsync(string ownerId, string importId, CancellationToken cancellationToken)
    {
        if (!ImportIds.IsValid(importId))
        {
            return null;
        }

        var stream = await blobs.OpenReadAsync(ImportBlobLayout.Report(ownerId, importId), cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<ImportRecord>(stream, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The owner's import with the version it was read at (for <see cref="ReplaceAsync(ImportRecord, ImportRecordVersion, CancellationToken)"/>), or null (also for an id that is not theirs).</summary>
    public async Task<VersionedImportRecord?> FindVersionedAsync(string ownerId, string importId, CancellationToken cancellationToken)
    {
        if (!ImportIds.IsValid(importId))
        {
            return null;
        }

        // Streamed: a finished record lists rows (up to megabytes) and is read here too.
        if (await blobs.OpenReadVersionedAsync(ImportBlobLayout.Report(ownerId, importId), cancellationToken).ConfigureAwait(false) is not var (stream, etag))
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var record = await JsonSerializer.DeserializeAsync<ImportRecord>(stream, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
            return new VersionedImportRecord(record!, etag ?? throw new InvalidOperationException($"Import record {importId} was read without an ETag."));
        }
    }

    /// <summary>
    /// Writes <paramref name="record"/> over the version read (<see cref="FindVersionedAsync"/>) only if nobody has saved
    /// the import since: false when someone has (read it again), and neither the record nor its listed summary changed.
    /// </summary>
    public async Task<bool> ReplaceAsync(ImportRecord record, ETag version, CancellationToken cancellationToken) =>
        await ReplaceAsync(record, new ImportRecordVersion(version, Summary: null), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// Writes <paramref name="record"/> over <paramref name="version"/> (as read, or as the last write returned it) only if
    /// nobody has saved the import since, and returns the versions it wrote, so a writer that keeps them writes again
    /// without reading first; null when someone has saved it since (read it again), and neither the record nor its listed
    /// summary changed.
    /// </summary>
    public async Task<ImportRecordVersion?> ReplaceAsync(ImportRecord record, ImportRecordVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(version);

        // The summary's version is known before the record is written (read now, unless the last write returned it): a
        // save (record, then summary) that comes after this replace then fails the conditional summary write below, so
        // the listing never shows what the record no longer says.
        var summaryVersion = version.Summary;
        if (summaryVersion is null)
        {
            summaryVersion = (await table.GetAsync(record.OwnerId, record.Id, cancellationToken).ConfigureAwait(false))?.ETag;
        }

        ETag? written;
        using (var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, JsonSerializerOptions.Web)))
        {
            written = await blobs.UploadIfMatchAsync(ImportBlobLayout.Report(record.OwnerId, record.Id), json, RecordContentType, version.Record, cancellationToken)
                .ConfigureAwait(false);
        }

        if (written is not { } recordWritten)
        {
            return null;
        }

        try
        {
            return new ImportRecordVersion(recordWritten, await WriteSummaryAsync(record, summaryVersion, cancellationToken).ConfigureAwait(false));
        }
        catch (StorageConcurrencyException)
        {
            // A save after this replace wrote the summary, and the record before it: both are that save's (and the next
            // replace over this one's record version finds the record changed).
            return new ImportRecordVersion(recordWritten, Summary: null);
        }
    }

    /// <summary>
    /// Writes the listed summary of <paramref name="record"/> (just written) over <paramref name="version"/>, or as a new
    /// row when there was none. A summary deleted since its version was read (by hand: the app deletes none) is written
    /// anew from the record, so the record's write is not left half done and the import is listed again.
    /// </summary>
    private async Task<ETag> WriteSummaryAsync(ImportRecord record, ETag? version, CancellationToken cancellationToken)
    {
        if (version is { } summary)
        {
            try
            {
                return await table.UpdateAsync(Summary(record), summary, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageRequestException e) when (e.Status == 404)
            {
                // Gone: inserted below.
            }
        }

        return await table.InsertAsync(Summary(record), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The owner's most recent imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportSummary>> ListAsync(string ownerId, int take, CancellationToken cancellationToken)
    {
        var list = new List<ImportSummary>();
        var rows = table.QueryAsync(TableFilter.Eq("PartitionKey", ownerId), top: take, cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            list.Add(new ImportSummary(
                row.RowKey,
                row.GetString(nameof(ImportRecord.Status))!,
                row.GetString(nameof(ImportRecord.FileName))!,
                row.GetDateTimeOffset(nameof(ImportRecord.CreatedUtc))!.Value,
                new ImportCounts(
                    row.GetInt64(nameof(ImportCounts.Rows)) ?? 0,
                    row.GetInt64(nameof(ImportCounts.Accepted)) ?? 0,
                    row.GetInt64(nameof(ImportCounts.Merged)) ?? 0,
                    row.GetInt64(nameof(ImportCounts.AlreadyKnown)) ?? 0,
                    row.GetInt64(nameof(ImportCounts.Rejected)) ?? 0),
                // Summaries written before it was kept: a failed import is offered for retry, which checks it can be.
                row.GetBoolean(nameof(ImportRecord.Retryable)) ?? row.GetString(nameof(ImportRecord.Status)) == ImportStatus.Failed));
        }

        return list;
    }

    private static TableEntity Summary(ImportRecord record) => new(record.OwnerId, record.Id)
    {
        [nameof(ImportRecord.Status)] = record.Status,
        [nameof(ImportRecord.FileName)] = record.FileName,
        [nameof(ImportRecord.CreatedUtc)] = record.CreatedUtc,
        [nameof(ImportCounts.Rows)] = record.Counts.Rows,
        [nameof(ImportCounts.Accepted)] = record.Counts.Accepted,
        [nameof(ImportCounts.Merged)] = record.Counts.Merged,
        [nameof(ImportCounts.AlreadyKnown)] = record.Counts.AlreadyKnown,
        [nameof(ImportCounts.Rejected)] = record.Counts.Rejected,
        [nameof(ImportRecord.Retryable)] = record.Retryable,
    };
}

/// <summary>One line of <c>GET /api/imports</c>; <see cref="Retryable"/> as <see cref="ImportRecord.Retryable"/>.</summary>
internal sealed record ImportSummary(string Id, string Status, string FileName, DateTimeOffset CreatedUtc, ImportCounts Counts, bool Retryable = false)
{
    /// <summary>The line of <paramref name="record"/>.</summary>
    public static ImportSummary Of(ImportRecord record) => new(record.Id, record.Status, record.FileName, record.CreatedUtc, record.Counts, record.Retryable);
}

/// <summary>An import record and the version of it that was read (its blob's ETag).</summary>
internal sealed record VersionedImportRecord(ImportRecord Record, ETag Version);

/// <summary>
/// The versions of an import's record (its blob's ETag) and listed summary (its row's ETag, null when not known) as a
/// write left them (<see cref="ImportRecordStore.ReplaceAsync(ImportRecord, ImportRecordVersion, CancellationToken)"/>).
/// </summary>
internal sealed record ImportRecordVersion(ETag Record, ETag? Summary);
