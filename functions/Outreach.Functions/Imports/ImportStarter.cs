namespace Outreach.Functions.Imports;

/// <summary>
/// Who started an import: the acting account, and whether it was a coach acting for the owner. A queued import a coach
/// started runs only while the owner's consent still covers it (<see cref="ImportContactsFunction"/>).
/// </summary>
/// <param name="AccountId">The account whose key started the import.</param>
/// <param name="AsCoach">True when a coach started it for a consenting client (the owner).</param>
internal sealed record ImportStarter(string AccountId, bool AsCoach);
