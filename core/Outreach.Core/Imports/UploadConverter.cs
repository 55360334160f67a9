namespace Outreach.Core.Imports;

/// <summary>
/// Turns an upload that is not CSV yet into the CSV the import reads and keeps: an Excel workbook (.xlsx, .xls) becomes
/// its first sheet (<see cref="WorkbookConverter"/>), a vCard file (.vcf) a row per card (<see cref="VCardConverter"/>),
/// any other ZIP archive gives up its contacts file (<see cref="ImportArchive"/>, e.g. LinkedIn's data export). A ZIP is opened once to tell the two apart and, for an
/// .xlsx, to refuse one whose parts expand far past the limit before the workbook reader holds any in memory.
/// </summary>
public static class UploadConverter
{
    /// <summary>How many times the CSV limit an .xlsx's parts may hold once expanded (their XML is far larger than the CSV).</summary>
    private const int ExpandedPartsPerCsvByte = 8;

    /// <summary>Bytes <see cref="NeedsConversion"/> looks at (room for a byte order mark and blank lines before a vCard's <c>BEGIN:VCARD</c>).</summary>
    public const int SignatureBytes = 64;

    /// <summary>Whether a file starting with <paramref name="start"/> is a workbook, an archive or a vCard file, to be converted first.</summary>
    public static bool NeedsConversion(ReadOnlySpan<byte> start) =>
        SpreadsheetFiles.IsLegacyExcel(start) || ImportArchive.IsZip(start) || VCardConverter.IsVCard(start);

    /// <summary>Writes the CSV of <paramref name="upload"/> (one that <see cref="NeedsConversion"/>) to <paramref name="csv"/>.</summary>
    /// <param name="upload">The uploaded file, seekable, from its start.</param>
    /// <param name="csv">Where the CSV goes.</param>
    /// <param name="maxBytes">The most the CSV may hold.</param>
    /// <param name="cancellationToken">Cancels the conversion.</param>
    /// <returns>The name of the file taken out of an archive, or null for a workbook or a vCard file (whose CSV keeps the upload's name).</returns>
    /// <exception cref="DomainException">As <see cref="ImportArchive.ExtractContactsAsync(Stream, Stream, long, CancellationToken)"/> and
    /// <see cref="WorkbookConverter.ToCsvAsync"/> say; <c>import.archive-too-large</c> for an .xlsx whose parts expand too far.</exception>
    public static async Task<string?> ToCsvAsync(Stream upload, Stream csv, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var start = new byte[SignatureBytes];
        var read = await upload.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        upload.Position = 0;
        if (!NeedsConversion(start.AsSpan(0, read)))
        {
            throw new ArgumentException("The upload is neither a workbook, a ZIP archive nor a vCard file.", nameof(upload));
        }

        if (VCardConverter.IsVCard(start.AsSpan(0, read)))
        {
            await VCardConverter.ToCsvAsync(upload, csv, maxBytes, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (ImportArchive.IsZip(start.AsSpan(0, read)))
        {
            using var zip = ImportArchive.Open(upload);
            if (!SpreadsheetFiles.IsXlsx(zip.Entries.Select(e => e.FullName)))
            {
                return (await ImportArchive.ExtractContactsAsync(zip, csv, maxBytes, cancellationToken).ConfigureAwait(false)).FileName;
            }

            if (zip.Entries.Sum(e => e.Length) > maxBytes * ExpandedPartsPerCsvByte)
            {
                throw new DomainException(
                    ImportErrorCodes.ExpandsTooFar,
                    $"The workbook's parts expand past {maxBytes * ExpandedPartsPerCsvByte} bytes, too much for a sheet of at most {maxBytes} bytes as CSV.",
                    "file");
            }
        }

        upload.Position = 0;
        await WorkbookConverter.ToCsvAsync(upload, csv, maxBytes, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
