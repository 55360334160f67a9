using Azure.Core;
using Outreach.Storage.Auth;

namespace Outreach.Storage;

/// <summary>
/// Options for a <see cref="StorageAccount"/>: Azure.Core's retry, transport and diagnostics settings
/// (<see cref="ClientOptions.Retry"/> retries 408/429/500/502/503/504 and timeouts with exponential backoff),
/// plus the clock and the storage-specific knobs.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    private int _blockSize = 4 * 1024 * 1024;

    /// <summary>The clock that stamps <c>x-ms-date</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Which Shared Key scheme signs table requests. Default <see cref="TableSharedKeyScheme.SharedKeyLite"/> (as Azure.Data.Tables).</summary>
    public TableSharedKeyScheme TableSharedKeyScheme { get; set; } = TableSharedKeyScheme.SharedKeyLite;

    /// <summary>
    /// Bytes per block for blob uploads; a blob no larger than one block is sent with a single Put Blob.
    /// Default 4 MiB; 64 KiB to 100 MiB. One block is buffered in memory at a time.
    /// </summary>
    public int BlobBlockSize
    {
        get => _blockSize;
        set => _blockSize = value is >= 64 * 1024 and <= 100 * 1024 * 1024
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BlobBlockSize), value, "A blob block must be between 64 KiB and 100 MiB.");
    }
}
