namespace Outreach.Core.Planning;

/// <summary>
/// What the response model reads about a task's recipient, as the contact was when the message went out: a later import
/// or edit (a new job title after the reply) must not change how the sent outreach is described in its history row.
/// </summary>
/// <param name="Position">The contact's position (job title) then, or null when they had none.</param>
public sealed record RecipientAtSend(string? Position);
