using System.Text;
using Outreach.Core.Imports;
using Outreach.Storage.Blobs;

namespace Outreach.Functions.Imports;

/// <summary>
/// Every row's outcome (<see cref="ImportRowsCsv"/>), gathered while an import streams and stored beside its record
/// (<see cref="ImportBlobLayout.Rows"/>) when it completes. It is written to a temporary file deleted on close, so an
/// import of any size holds none of it in memory.
/// </summary>
internal sealed class ImportRowLog : IAsyncDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    private readonly FileStream _file;
    private readonly StreamWriter _writer;
    private readonly StringBuilder _line = new();

    private ImportRowLog(FileStream file)
    {
        _file = file;

        // With a byte order mark, so a spreadsheet opens it as UTF-8 (reasons quote the file's own headers).
        _writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16, leaveOpen: true);
        _writer.Write(ImportRowsCsv.Header);
        _writer.Write("\r\n");
    }

    /// <summary>A new, empty log in the temporary folder.</summary>
    public static ImportRowLog Create() => new(TemporaryFile.Create("import-rows"));

    public async ValueTask AddAsync(ImportRowResult row, CancellationToken cancellationToken)
    {
        ImportRowsCsv.Write(_line, row);
        _line.Append("\r\n");
        await _writer.WriteAsync(_line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads the log as <paramref name="blobName"/> (replacing one a failed earlier attempt left).</summary>
    public async Task SaveAsync(BlobContainerClient blobs, string blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file.Position = 0;
        await blobs.UploadAsync(blobName, _file, ContentType, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
