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

    /// <summary>Writes the record (blob first, so a listed import always has its record).</summary>
    public async Task SaveAsync(ImportRecord record, CancellationToken cancellationToken)
    {
        using (var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(record, JsonSerializerOptions.Web)))
        {
            await blobs.UploadAsync(ImportBlobLayout.Report(record.OwnerId, record.Id), json, RecordContentType, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertAsync(Summary(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
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
                    row.GetInt64(nameof(ImportCounts.Rejected)) ?? 0)));
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
    };
}

/// <summary>One line of <c>GET /api/imports</c>.</summary>
internal sealed record ImportSummary(string Id, string Status, string FileName, DateTimeOffset CreatedUtc, ImportCounts Counts);
