namespace Outreach.Core.Imports;

/// <summary>The codes of import refusals that the HTTP layer answers with a status of its own (not 400).</summary>
public static class ImportErrorCodes
{
    /// <summary>The file is not text (binary data, NUL bytes, many control characters): 415.</summary>
    public const string NotText = "import.not-text";

    /// <summary>What an archive or a workbook expands to is past the upload limit: 413.</summary>
    public const string ExpandsTooFar = "import.archive-too-large";
}
