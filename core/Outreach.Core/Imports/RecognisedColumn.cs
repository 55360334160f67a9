namespace Outreach.Core.Imports;

/// <summary>A header of the file and the field it feeds.</summary>
/// <param name="Header">The header as written in the file.</param>
/// <param name="Field">The contact field it feeds.</param>
public sealed record RecognisedColumn(string Header, ContactField Field);
