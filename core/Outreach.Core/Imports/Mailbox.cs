namespace Outreach.Core.Imports;

/// <summary>One mailbox of an email cell (<see cref="MailboxList"/>).</summary>
/// <param name="Address">The address, checked by <see cref="EmailSyntax"/>; null when it is no address.</param>
/// <param name="DisplayName">The name written before <c>&lt;address&gt;</c>, unquoted; null when none was.</param>
/// <param name="Problem">Why the part is no address (<c>has no @</c>), completing "it ..."; null when it is one.</param>
internal readonly record struct Mailbox(string? Address, string? DisplayName, string? Problem);
