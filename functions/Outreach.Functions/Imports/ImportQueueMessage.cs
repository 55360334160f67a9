namespace Outreach.Functions.Imports;

/// <summary>The message on <see cref="QueueName"/> that asks <c>ImportContacts</c> to run a stored upload.</summary>
internal sealed record ImportQueueMessage(string OwnerId, string ImportId)
{
    /// <summary>The queue of large uploads; functions/ImportContacts/function.json triggers on it.</summary>
    public const string QueueName = "import-contacts";
}
