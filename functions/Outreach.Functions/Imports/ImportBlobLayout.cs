namespace Outreach.Functions.Imports;

/// <summary>
/// The <c>imports</c> blob container: per owner and import, the uploaded file exactly as received, the record (the
/// report, <see cref="ImportRecord"/>) and every row's outcome (<see cref="ImportRowLog"/>), so nothing an owner uploads is lost.
/// </summary>
internal static class ImportBlobLayout
{
    public const string Container = "imports";

    public static string Upload(string ownerId, string importId) => $"{ownerId}/{importId}/upload.csv";

    public static string Report(string ownerId, string importId) => $"{ownerId}/{importId}/report.json";

    public static string Rows(string ownerId, string importId) => $"{ownerId}/{importId}/rows.csv";
}
