namespace Outreach.Core.Outcomes;

/// <summary>Answers whether a task exists and was for a given contact, within one owner's data.</summary>
public interface ITaskDirectory
{
    /// <summary>True when the owner has the task and it targets the contact.</summary>
    Task<bool> BelongsToContactAsync(string ownerId, string taskId, string contactId, CancellationToken cancellationToken);
}
