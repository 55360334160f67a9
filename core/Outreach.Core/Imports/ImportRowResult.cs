using Outreach.Core.Contacts;

namespace Outreach.Core.Imports;

/// <summary>The result of one data row, streamed as the import goes (a value: a million-row import makes a million of them).</summary>
/// <param name="Line">The physical line the row starts on (1-based; preamble, header and lines inside quoted fields count).</param>
/// <param name="Outcome">What happened to it.</param>
/// <param name="ContactId">The contact it created or merged into; null when rejected.</param>
/// <param name="Errors">
/// Why it was rejected; for a merged or already-known row, the parts of it its contact had no room for and did not
/// take (<see cref="Contacts.ContactLimits"/>); for any imported row, its addresses its contact is not found by
/// (<see cref="ImportReport.RowsWithAddressesLeftOut"/>); empty otherwise.
/// </param>
/// <param name="RawText">For a rejected row, its text exactly as in the file (decoded), so nothing is lost; null otherwise.</param>
/// <param name="Filled">For a merged row, the fields of the contact that were empty and the row filled in.</param>
public readonly record struct ImportRowResult(
    int Line, ImportRowOutcome Outcome, string? ContactId, IReadOnlyList<RowError> Errors, string? RawText, ContactFieldSet Filled = ContactFieldSet.None);
