using Outreach.Core.Imports;

namespace Outreach.Functions.Imports;

/// <summary>
/// Keeps the newest progress an import reports. The import reports from its own loop, between batches (unlike
/// <see cref="Progress{T}"/>, nothing is posted elsewhere), so the runner reading it between rows sees it in order.
/// </summary>
internal sealed class LatestImportProgress : IProgress<ImportProgress>
{
    public ImportProgress? Latest { get; private set; }

    public void Report(ImportProgress value) => Latest = value;
}
