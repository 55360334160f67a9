namespace Outreach.Functions.Imports;

/// <summary>Files in the temporary folder that are deleted when closed: where an import's or an erasure's data goes instead of memory.</summary>
internal static class TemporaryFile
{
    /// <summary>A new, empty file, open for reading and writing, deleted on close.</summary>
    /// <param name="purpose">A word for the file name (<c>import-rows</c>), so a stray one says what it was.</param>
    public static FileStream Create(string purpose) => new(
        Path.Combine(Path.GetTempPath(), $"outreach-{purpose}-{Guid.NewGuid():N}.tmp"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 1 << 16,
        FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
