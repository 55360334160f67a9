namespace Outreach.Storage;

/// <summary>
/// A storage request failed: the service answered with an error, or could not be reached.
/// The message is one line that says what failed and why; the parts are available as properties.
/// </summary>
public class StorageRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageRequestException(string message, int status, string? errorCode, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>Creates the exception with only a message (status 0: no response).</summary>
    public StorageRequestException(string message)
        : this(message, 0, null, null)
    {
    }

    /// <summary>Creates the exception with only a message and its cause (status 0: no response).</summary>
    public StorageRequestException(string message, Exception innerException)
        : this(message, 0, null, null, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public StorageRequestException()
        : this("An Azure Storage request failed.")
    {
    }

    /// <summary>HTTP status of the failing response, or 0 when no response came (unreachable, timed out).</summary>
    public int Status { get; }

    /// <summary>The storage error code (<c>x-ms-error-code</c> or the error body), e.g. <c>QueueNotFound</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's request id (<c>x-ms-request-id</c>), for support cases.</summary>
    public string? RequestId { get; }

    /// <summary>For a failed table transaction: the zero-based index of the action that failed, if the service said.</summary>
    public int? FailedActionIndex { get; init; }
}
