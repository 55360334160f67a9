using System.Text;
using Outreach.Core;
using Outreach.Core.Contacts;
using Outreach.Core.Imports;
using Outreach.Storage;

namespace Outreach.Functions.Imports;

/// <summary>
/// The import side of erasing a contact. Uploaded files are kept (issue 4), so every one of the owner's files loses the
/// contact's records (<see cref="ImportFileRedactor"/>: every import, not only the one the contact came from, since a
/// later file may have merged into it), and every record loses the rejected rows of those lines or naming the contact,
/// and the accepted and merged rows naming its id, as does every row's outcome (<see cref="ImportBlobLayout.Rows"/>); the
/// record counts how many rows were erased and nothing else about them. Files are downloaded to temporary files and
/// rewritten a chunk at a time, so an erasure holds none of them in memory.
/// </summary>
/// <remarks>
/// The kept file is what tells which lines were the contact's, so each import's is rewritten last: the record first
/// (without the contact's rows, and with the fingerprint of the file as the erasure will leave it), then the row outcomes,
/// then the file. An erasure cut short anywhere (the process dies, the request is cancelled) leaves the file whole or
/// finished: erasing again reads the same lines from it, finishes what is left, and counts no row twice. Until the file is
/// rewritten the record's fingerprint is not the file's, so a retry refuses the file that still holds the contact
/// (<see cref="ImportRetry"/>) rather than importing it again; once it is, the fingerprint is the file's, and the import
/// can be retried as before.
/// </remarks>
internal sealed partial class ImportErasure(ImportRecordStore records, ILogger<ImportErasure> logger)
{
    private const string UploadName = "/upload.csv";

    /// <summary>How many times the record is read again when it was saved by someone else between the read and the write.</summary>
    private const int MaxRecordWrites = 5;

    /// <summary>Redacts the owner's import files and records; returns how many rows were erased in all.</summary>
    /// <param name="contact">The contact, as stored.</param>
    /// <param name="keys">Every key the contact holds as stored, its own and those imports claimed for it (<see cref="ContactKeyClaim"/>).</param>
    /// <param name="identifyingValues">The contact's email, full name and LinkedIn URL, which mark a rejected row as theirs.</param>
    /// <param name="cancellationToken">Cancels the work; running it again finishes it.</param>
    public async Task<int> EraseAsync(Contact contact, IReadOnlyCollection<ContactKey> keys, IReadOnlyCollection<string> identifyingValues, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var importId in await ImportIdsAsync(contact.OwnerId, cancellationToken).ConfigureAwait(false))
        {
            erased += await EraseFromAsync(contact, importId, keys, identifyingValues, cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    private async Task<int> EraseFromAsync(
        Contact contact, string importId, IReadOnlyCollection<ContactKey> keys, IReadOnlyCollection<string> identifyingValues, CancellationToken cancellationToken)
    {
        var found = await records.FindVersionedAsync(contact.OwnerId, importId, cancellationToken).ConfigureAwait(false);
        await using var redacted = TemporaryFile.Create("erasure-upload");
        var (erasedLines, fileHash) = await RedactFileAsync(contact, importId, found?.Record, keys, identifyingValues, redacted, cancellationToken).ConfigureAwait(false);
        var erased = erasedLines.Count;
        if (found is not null)
        {
            var removedLines = new HashSet<int>(erasedLines);
            removedLines.UnionWith(Redact(found.Record, contact, removedLines, identifyingValues).Removed);
            erased = await RedactRecordAsync(found, contact, removedLines, identifyingValues, fileHash, cancellationToken).ConfigureAwait(false);
            removedLines.UnionWith(await RedactRowsAsync(contact, importId, removedLines, cancellationToken).ConfigureAwait(false));
        }

        if (fileHash is not null)
        {
            // Last: until now the file still tells which lines were the contact's, for an erasure run again to finish.
            redacted.Position = 0;
            await records.Blobs.UploadAsync(ImportBlobLayout.Upload(contact.OwnerId, importId), redacted, "text/csv", cancellationToken).ConfigureAwait(false);
        }

        return erased;
    }

    /// <summary>
    /// Writes the import's record without the rows on <paramref name="lines"/> or naming the contact, counting them as
    /// erased, over the version read (<paramref name="found"/>) only if nobody has saved the import since: a record saved
    /// meanwhile (a delivery starting its run, one judged stopped, <see cref="StoppedImports"/>, or retried) is read again
    /// and redacted as it now stands, rather than overwritten with what it said before. Given the fingerprint of the kept
    /// file as the erasure rewrote it (<paramref name="fileHash"/>), the record takes it, so the file can still be retried
    /// (<see cref="ImportRecord.UploadSha256"/>); a record that has it already was redacted by an erasure cut short before it
    /// rewrote the file, and its rows on <paramref name="lines"/> were counted then. The number of rows erased.
    /// </summary>
    internal async Task<int> RedactRecordAsync(
        VersionedImportRecord found, Contact contact, IReadOnlySet<int> lines, IReadOnlyCollection<string> identifyingValues, string? fileHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(contact);
        for (var attempt = 1; ; attempt++)
        {
            var (redacted, removed) = Redact(found.Record, contact, lines, identifyingValues);
            if (fileHash is null || found.Record.UploadSha256 != fileHash)
            {
                removed.UnionWith(lines);
            }

            if (removed.Count == 0)
            {
                return 0;
            }

            var rewritten = redacted with { ErasedRows = found.Record.ErasedRows + removed.Count, UploadSha256 = fileHash ?? found.Record.UploadSha256 };
            if (await records.ReplaceAsync(rewritten, found.Version, cancellationToken).ConfigureAwait(false))
            {
                return removed.Count;
            }

            if (await records.FindVersionedAsync(contact.OwnerId, found.Record.Id, cancellationToken).ConfigureAwait(false) is not { } again)
            {
                return removed.Count;
            }

            if (attempt == MaxRecordWrites)
            {
                // Erasing the contact again finishes it: the record's rows naming it are found by its id and values.
                throw new InvalidOperationException($"Import record {found.Record.Id} kept changing while the contact was erased from it; erase the contact again.");
            }

            found = again;
        }
    }

    /// <summary><paramref name="record"/> without the rows on <paramref name="lines"/> or naming the contact, and the lines of the rows it took out.</summary>
    private static (ImportRecord Redacted, HashSet<int> Removed) Redact(ImportRecord record, Contact contact, IReadOnlySet<int> lines, IReadOnlyCollection<string> identifyingValues)
    {
        var rejected = record.Rejected.Where(r => !lines.Contains(r.Line) && !ImportFileRedactor.Mentions(r.Text, identifyingValues)).ToList();
        var accepted = record.Accepted.Where(a => !lines.Contains(a.Line) && !string.Equals(a.ContactId, contact.ContactId, StringComparison.Ordinal)).ToList();
        var merged = record.Merged.Where(m => !lines.Contains(m.Line) && !string.Equals(m.ContactId, contact.ContactId, StringComparison.Ordinal)).ToList();
        var removed = new HashSet<int>();
        removed.UnionWith(record.Rejected.Except(rejected).Select(r => r.Line));
        removed.UnionWith(record.Accepted.Except(accepted).Select(a => a.Line));
        removed.UnionWith(record.Merged.Except(merged).Select(m => m.Line));
        return (record with { Rejected = rejected, Accepted = accepted, Merged = merged }, removed);
    }

    /// <summary>
    /// Writes the stored file with the contact's records emptied (their lines kept, so every line number of the report
    /// still points at its row) to <paramref name="redacted"/>, for the caller to store once the record and row outcomes
    /// are redacted; the lines they started on, and the fingerprint of the file as rewritten (null when it has none of them).
    /// </summary>
    private async Task<(HashSet<int> Lines, string? FileHash)> RedactFileAsync(
        Contact contact,
        string importId,
        ImportRecord? record,
        IReadOnlyCollection<ContactKey> keys,
        IReadOnlyCollection<string> identifyingValues,
        Stream redacted,
        CancellationToken cancellationToken)
    {
        var name = ImportBlobLayout.Upload(contact.OwnerId, importId);
        await using var file = TemporaryFile.Create("erasure-upload");
        if (!await records.Blobs.DownloadToAsync(name, file, cancellationToken).ConfigureAwait(false))
        {
            return ([], null);
        }

        file.Position = 0;
        // Read as it was imported: a file whose header only the caller's column names made readable has no header otherwise.
        var readAs = record is null ? null : ImportRequest.Of(record).ToOptions(contact.OwnerId, importId, record.FileName, record.SizeBytes);
        IReadOnlyList<int> erasedLines;
        try
        {
            erasedLines = await ImportFileRedactor.RedactAsync(file, redacted, contact, keys, identifyingValues, readAs, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException e)
        {
            // A file the importer refused (not text, no header) created no contact, so none of its rows can be this one's.
            LogUnreadable(contact.OwnerId, importId, e.Code);
            return ([], null);
        }

        if (erasedLines.Count == 0)
        {
            return ([], null);
        }

        redacted.Position = 0;
        return ([.. erasedLines], await ImportFileHash.OfAsync(redacted, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Rewrites the import's row outcomes (<see cref="ImportRowLog"/>) without the rows on <paramref name="lines"/> and
    /// those naming the contact (the record lists only the first rows, this file every one); the lines it took out.
    /// </summary>
    private async Task<HashSet<int>> RedactRowsAsync(Contact contact, string importId, HashSet<int> lines, CancellationToken cancellationToken)
    {
        var name = ImportBlobLayout.Rows(contact.OwnerId, importId);
        await using var file = TemporaryFile.Create("erasure-rows");
        if (!await records.Blobs.DownloadToAsync(name, file, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        file.Position = 0;
        var removed = new HashSet<int>();
        await using var kept = TemporaryFile.Create("erasure-rows");
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            var writer = new StreamWriter(kept, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
                {
                    if (ImportRowsCsv.TryReadKey(text, out var line, out var contactId) && (lines.Contains(line) || contactId.SequenceEqual(contact.ContactId)))
                    {
                        removed.Add(line);
                        continue;
                    }

                    await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                    await writer.WriteAsync("\r\n".AsMemory(), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (removed.Count > 0)
        {
            kept.Position = 0;
            await records.Blobs.UploadAsync(name, kept, ImportRowLog.ContentType, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    private async Task<List<string>> ImportIdsAsync(string ownerId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        try
        {
            await foreach (var blob in records.Blobs.ListAsync(ownerId + "/", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (blob.Name.EndsWith(UploadName, StringComparison.Ordinal))
                {
                    ids.Add(blob.Name[(ownerId.Length + 1)..^UploadName.Length]);
                }
            }
        }
        catch (StorageRequestException e) when (e.Status == 404)
        {
            // The container was never created: nothing was ever uploaded.
        }

        return ids;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure: import {ImportId} of owner {OwnerId} could not be read again ({Code}); its file was left as it is.")]
    private partial void LogUnreadable(string ownerId, string importId, string code);
}
