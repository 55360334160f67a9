namespace Outreach.Core;

/// <summary>
/// The one exception type for expected domain failures: bad input, a forbidden transition, a broken rule.
/// It names what was wrong (<see cref="Target"/>: a parameter, field or row) so callers can turn it into a
/// ProblemDetails answer without guessing. Bugs stay ordinary exceptions.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates a domain error.</summary>
    /// <param name="code">A stable machine-readable code, e.g. <c>template.unknown-variable</c>.</param>
    /// <param name="message">A sentence a user can act on.</param>
    /// <param name="target">The parameter, field or row the error is about, where there is one.</param>
    public DomainException(string code, string message, string? target = null)
        : base(message)
    {
        Code = code;
        Target = target;
    }

    /// <summary>Creates a domain error without a code (use the other constructor where callers branch on it).</summary>
    public DomainException()
        : this("domain.error", "The request broke a domain rule.")
    {
    }

    /// <summary>Creates a domain error from a message.</summary>
    public DomainException(string message)
        : this("domain.error", message)
    {
    }

    /// <summary>Creates a domain error wrapping its cause.</summary>
    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain.error";
    }

    /// <summary>A stable machine-readable code.</summary>
    public string Code { get; }

    /// <summary>The parameter, field or row the error is about, if any.</summary>
    public string? Target { get; }
}
