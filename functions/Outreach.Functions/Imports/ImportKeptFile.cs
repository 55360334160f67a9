using Outreach.Core;

namespace Outreach.Functions.Imports;

/// <summary>
/// The file an import kept (<see cref="ImportBlobLayout.Upload"/>) as a queued delivery imports it: downloaded to a
/// temporary file, then checked against the fingerprint its record keeps (<see cref="ImportRecord.UploadSha256"/>) before a
/// row of it is read. The fingerprint differs from the file only when the file is not the one uploaded: an erasure was cut
/// short after it wrote the record and before it rewrote the file (<see cref="ImportErasure"/>), so the file still holds
/// the erased contact, or the file was replaced. Such a file is not imported, so an erased person never comes back; the
/// failure can be retried once erasing the contact again has finished the erasure (<see cref="ImportRetry"/> checks the
/// same). The download is read from one request, and the file checked is the file imported.
/// </summary>
internal static class ImportKeptFile
{
    public const string MissingCode = "import.upload-missing";

    public const string ChangedCode = "import.upload-changed";

    /// <summary>The error of a queued import whose kept file is not the one uploaded.</summary>
    public const string Changed =
        "Not imported: the file kept for this import is no longer the one that was uploaded (its content has changed since). " +
        "If you erased a contact and the erasure did not finish, erase that contact again, then retry this import; otherwise upload the file again.";

    /// <summary>
    /// The kept file of <paramref name="record"/>, open at its start and deleted when closed; a <see cref="DomainException"/>
    /// <see cref="MissingCode"/> when it is no longer kept, <see cref="ChangedCode"/> when it is not the one uploaded.
    /// </summary>
    public static async Task<FileStream> DownloadAsync(ImportRecordStore records, ImportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(record);
        var file = TemporaryFile.Create("import-upload");
        try
        {
            if (!await records.Blobs.DownloadToAsync(ImportBlobLayout.Upload(record.OwnerId, record.Id), file, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException(MissingCode, "The uploaded file is no longer stored; upload it again.", "file");
            }

            file.Position = 0;
            if (!await IsUploadedAsync(file, record, cancellationToken).ConfigureAwait(false))
            {
                throw new DomainException(ChangedCode, Changed, "file");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Whether <paramref name="file"/>, read from where it is to its end, is the one <paramref name="record"/> was uploaded
    /// with; true for a record from before fingerprints were kept.
    /// </summary>
    public static async Task<bool> IsUploadedAsync(Stream file, ImportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.UploadSha256 is not { } accepted || await ImportFileHash.OfAsync(file, cancellationToken).ConfigureAwait(false) == accepted;
    }
}
