namespace Outreach.Core.Contacts;

/// <summary>A sink that keeps nothing: for reading a file through the import without writing it (a check, or finding its rejected rows again).</summary>
public sealed class DiscardingContactSink : IContactSink
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly DiscardingContactSink Instance = new();

    private DiscardingContactSink()
    {
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string ownerId, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask WriteAsync(
        string ownerId, IReadOnlyList<Contact> contacts, IReadOnlyList<bool> storedAlready, IReadOnlyList<ContactKeyClaim> claims, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
