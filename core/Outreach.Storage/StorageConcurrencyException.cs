namespace Outreach.Storage;

/// <summary>
/// A conditional write lost a race: the ETag no longer matches (412), or the entity/blob already exists (409)
/// when it was to be created only if absent. Reload and decide again; retrying blindly is wrong.
/// </summary>
public sealed class StorageConcurrencyException : StorageRequestException
{
    /// <summary>Creates the exception.</summary>
    public StorageConcurrencyException(string message, int status, string? errorCode, string? requestId, Exception? innerException = null)
        : base(message, status, errorCode, requestId, innerException)
    {
    }

    /// <summary>Creates the exception with only a message.</summary>
    public StorageConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public StorageConcurrencyException()
        : base("An Azure Storage conditional write lost a race.")
    {
    }
}
