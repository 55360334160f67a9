namespace Outreach.Core.Messaging.Templates;

/// <summary>The person a message is from (the student, job seeker or coach), as templates see them.</summary>
public sealed record SenderDetails
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>The sender's address, if a template wants to print it.</summary>
    public string? Email { get; init; }

    /// <summary>Sign-off block; templates get <see cref="FullName"/> when it is empty.</summary>
    public string? Signature { get; init; }

    /// <summary>School, e.g. "Fordham Gabelli School of Business".</summary>
    public string? School { get; init; }

    /// <summary>Programme or class, e.g. "MS in Marketing Intelligence".</summary>
    public string? Program { get; init; }

    /// <summary>"First Last", or whichever part is known.</summary>
    public string? FullName => TemplateText.JoinName(FirstName, LastName);

    internal Dictionary<string, object?> ToData() => new(StringComparer.Ordinal)
    {
        ["firstName"] = TemplateText.Clean(FirstName),
        ["lastName"] = TemplateText.Clean(LastName),
        ["fullName"] = FullName,
        ["email"] = TemplateText.Clean(Email),
        ["signature"] = TemplateText.Clean(Signature) ?? FullName,
        ["school"] = TemplateText.Clean(School),
        ["program"] = TemplateText.Clean(Program),
    };
}
