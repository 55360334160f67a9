namespace Outreach.Storage.Tables;

/// <summary>
/// A transaction whose request body would pass the Table service's 4 MiB: nothing was sent, so nothing was applied.
/// Split the actions and submit the parts.
/// </summary>
public sealed class TableTransactionTooLargeException : ArgumentException
{
    /// <summary>Creates the exception for a body of <paramref name="bytes"/> bytes over <paramref name="maxBytes"/>.</summary>
    public TableTransactionTooLargeException(long bytes, long maxBytes)
        : base($"The transaction is {bytes} bytes; the service accepts at most {maxBytes} (4 MiB). Split it.", "actions")
    {
        Bytes = bytes;
    }

    /// <summary>Creates the exception with only a message.</summary>
    public TableTransactionTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TableTransactionTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public TableTransactionTooLargeException()
        : base("The transaction is over the Table service's 4 MiB. Split it.")
    {
    }

    /// <summary>The size the request body would have had, in bytes (0 when not known).</summary>
    public long Bytes { get; }
}
