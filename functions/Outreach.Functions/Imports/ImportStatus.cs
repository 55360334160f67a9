namespace Outreach.Functions.Imports;

/// <summary>Where an import is: the values of <see cref="ImportRecord.Status"/>.</summary>
internal static class ImportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    /// <summary>A check (<c>check=true</c>): what the import would do, with nothing stored.</summary>
    public const string Checked = "checked";
}
