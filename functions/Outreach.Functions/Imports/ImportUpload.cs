using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>
/// An uploaded contact file, spooled to a temporary file so any size up to the upload limit costs no memory and can
/// be read more than once (header detection, the blob copy, the import). The body is either the file itself
/// (<c>text/csv</c> or any type but a multipart form, named by <c>fileName</c> or a <c>Content-Disposition</c> header; a
/// body curl sends as <c>application/x-www-form-urlencoded</c> by default is the file too) or a multipart form with the
/// file, one, in field <c>file</c>; the parameters come from the form fields, else from the query. The server cuts the body off at <c>Limits:MaxUploadBytes</c> (413).
/// A ZIP archive (LinkedIn's data export as downloaded) is replaced by the contacts file inside it
/// (<see cref="UploadConverter"/>): only that file is imported and kept, never the rest of the archive. An Excel workbook
/// (.xlsx, .xls) is replaced by its first sheet as CSV, which is what is kept. The charset the body's (or the file
/// part's) content type names is the file's declared encoding (<see cref="DeclaredCharset"/>); a converted file has none.
/// </summary>
internal sealed class ImportUpload : IAsyncDisposable
{
    public const string FileField = "file";
    private const string DefaultFileName = "upload.csv";
    private const string FileNameParameter = "fileName";
    private const int BufferSize = 64 * 1024;

    private readonly string _path;
    private readonly IFormCollection? _form;
    private readonly IQueryCollection _query;

    private ImportUpload(string path, long length, string fileName, string? declaredCharset, IFormCollection? form, IQueryCollection query)
    {
        _path = path;
        Length = length;
        FileName = fileName;
        DeclaredCharset = declaredCharset;
        _form = form;
        _query = query;
    }

    public long Length { get; }

    public string FileName { get; }

    /// <summary>The charset the upload's content type names (<c>text/csv; charset=iso-8859-15</c>), or null.</summary>
    public string? DeclaredCharset { get; }

    /// <summary>A form field of that name, else the query parameter.</summary>
    public string? Parameter(string name) =>
        _form is not null && _form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : _query[name].ToString() is { Length: > 0 } q ? q : null;

    public FileStream OpenRead() =>
        new(_path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Spools the request's file (the contacts file of a ZIP archive, at most <paramref name="maxBytes"/>); a
    /// <see cref="Core.DomainException"/> naming <c>file</c> for a form without one or an archive without one.
    /// </summary>
    public static async Task<ImportUpload> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.GetTempFileName();
        try
        {
            IFormCollection? form = null;
            string fileName = DefaultFileName;
            string? charset;
            await using (var spool = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                if (IsMultipartForm(request))
                {
                    form = await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
                    var file = OnlyFile(form);
                    fileName = SafeFileName(file.FileName);
                    charset = CharsetOf(file.ContentType);
                    await using var content = file.OpenReadStream();
                    await content.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    fileName = RawBodyFileName(request) ?? fileName;
                    charset = CharsetOf(request.ContentType);
                    await request.Body.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
                }
            }

            if (await NeedsConversionAsync(path, cancellationToken).ConfigureAwait(false))
            {
                (path, var entry) = await ConvertAsync(path, maxBytes, cancellationToken).ConfigureAwait(false);
                fileName = entry is null ? fileName : SafeFileName(entry);
                charset = null; // it named the archive's or workbook's encoding, not the CSV's
            }

            return new ImportUpload(path, new FileInfo(path).Length, fileName, charset, form, request.Query);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static string? CharsetOf(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && HeaderUtilities.RemoveQuotes(type.Charset) is { Length: > 0 } charset ? charset.ToString() : null;

    private static bool IsMultipartForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The form; a <see cref="Core.DomainException"/> naming <c>file</c> when the body is not the multipart form its type says (no boundary, a broken part).</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            // InvalidDataException: no boundary, a malformed part; IOException: the body ended before its closing boundary.
            // A BadHttpRequestException (an IOException too) is the body over the upload limit, a 413 as it is.
            throw new Core.DomainException(
                "import.bad-parameter", $"The body is not a readable multipart form ({e.Message.TrimEnd()}): send the file in the form's field 'file', or as the body itself.", FileField);
        }
    }

    /// <summary>The form's one file, in field <c>file</c>; a <see cref="Core.DomainException"/> naming <c>file</c> for none or more than one (each import is one file and one report).</summary>
    private static IFormFile OnlyFile(IFormCollection form)
    {
        var files = form.Files.GetFiles(FileField);
        return files.Count switch
        {
            1 => files[0],
            0 => throw new Core.DomainException("import.bad-parameter", "The form has no file: send the contact file in the field 'file'.", FileField),
            _ => throw new Core.DomainException(
                "import.bad-parameter", $"The form has {files.Count} files in the field 'file': upload one file per import, so each has its own report.", FileField),
        };
    }

    /// <summary>Whether the spooled upload is a workbook or a ZIP archive, to be turned into CSV first (<see cref="UploadConverter"/>).</summary>
    private static async Task<bool> NeedsConversionAsync(string path, CancellationToken cancellationToken)
    {
        var start = new byte[UploadConverter.SignatureBytes];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var read = await file.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return UploadConverter.NeedsConversion(start.AsSpan(0, read));
    }

    /// <summary>
    /// Replaces the spooled upload with its CSV (<see cref="UploadConverter"/>): returns the new spool, and the name of the
    /// file taken out of an archive (null for a workbook, whose CSV keeps the upload's name).
    /// </summary>
    private static async Task<(string Path, string? Entry)> ConvertAsync(string spooled, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.GetTempFileName();
        try
        {
            string? entry;
            await using (var source = new FileStream(spooled, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous))
            await using (var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                entry = await UploadConverter.ToCsvAsync(source, target, maxBytes, cancellationToken).ConfigureAwait(false);
                await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Delete(spooled);
            return (path, entry);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The name a caller posting the file as the body gives it: the <c>fileName</c> query parameter, else the file name
    /// of a <c>Content-Disposition</c> header (<c>attachment; filename="Connections.csv"</c>, as some clients send); null
    /// when neither names one. The records and the dashboard show it, as they show a form upload's file name.
    /// </summary>
    private static string? RawBodyFileName(HttpRequest request)
    {
        if (request.Query[FileNameParameter].ToString() is { Length: > 0 } named)
        {
            return SafeFileName(named);
        }

        return ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            && HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName) is { Length: > 0 } given
            ? SafeFileName(given.ToString())
            : null;
    }

    /// <summary>The name without any folder part (browsers send bare names; other clients may not) or control characters, at most 200 characters.</summary>
    private static string SafeFileName(string? name)
    {
        var printable = string.Concat((name ?? string.Empty).Where(c => !char.IsControl(c)));
        var bare = Path.GetFileName(printable.Replace('\\', '/').Trim());
        return bare.Length == 0 ? DefaultFileName : bare.Length <= 200 ? bare : bare[^200..];
    }
}
