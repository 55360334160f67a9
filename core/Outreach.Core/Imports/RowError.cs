namespace Outreach.Core.Imports;

/// <summary>Why a row was refused.</summary>
/// <param name="Field">The column (as headed in the file), or "row" for the row as a whole.</param>
/// <param name="Reason">A sentence a user can act on.</param>
public sealed record RowError(string Field, string Reason);
