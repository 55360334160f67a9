namespace Outreach.Functions.Invocation;

/// <summary>An invocation body the handler cannot read; <see cref="Field"/> names the part that is wrong (e.g. <c>Metadata.DequeueCount</c>).</summary>
internal sealed class InvalidEnvelopeException : Exception
{
    public InvalidEnvelopeException(string field, string message)
        : base($"{field}: {message}") => Field = field;

    public InvalidEnvelopeException()
    {
    }

    public InvalidEnvelopeException(string message)
        : base(message)
    {
    }

    public InvalidEnvelopeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Field { get; } = "";
}
