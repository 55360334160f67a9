namespace Outreach.Core.Imports;

/// <summary>Why a row was refused.</summary>
/// <param name="Field">The column (as headed in the file), or "row" for the row as a whole.</param>
/// <param name="Reason">A sentence a user can act on.</param>
public sealed record RowError(string Field, string Reason)
{
    /// <summary>A row's errors as one sentence each, joined: <c>Email is not a valid email address: ...; Met on '31 Feb 2024' is not a real calendar date</c>.</summary>
    public static string Describe(IEnumerable<RowError> errors) => string.Join("; ", errors.Select(e => $"{e.Field} {e.Reason}"));
}
