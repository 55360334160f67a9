using System.Security.Cryptography;

namespace Outreach.Functions.Imports;

/// <summary>
/// The fingerprint of an import's kept file (<see cref="ImportRecord.UploadSha256"/>): SHA-256 of its bytes, lower-case
/// hex. Taken when the upload is accepted and when an erasure rewrites the file, and checked before the file is run again
/// (<see cref="ImportKeptFile"/>: by a retry and by the queued delivery that imports it), so neither imports a file other
/// than the one the owner uploaded.
/// </summary>
internal static class ImportFileHash
{
    /// <summary>The fingerprint of <paramref name="file"/>, read from where it is to its end.</summary>
    public static async Task<string> OfAsync(Stream file, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
}
