namespace Outreach.Core.Planning;

/// <summary>An owner's tasks for their to-do and history views (one partition query in the table store).</summary>
public interface ITaskListing
{
    /// <summary>The owner's tasks matching <paramref name="query"/>, by due time then id.</summary>
    Task<IReadOnlyList<OutreachTask>> ListAsync(string ownerId, TaskQuery query, CancellationToken cancellationToken);
}
