namespace Outreach.Mail.Smtp;

/// <summary>What <see cref="SmtpAccountProbe"/> found: the steps that worked and, when one failed, which and why.</summary>
/// <param name="Passed">The steps that worked, in order.</param>
/// <param name="Failed">The step that failed, or null when every step asked for worked.</param>
/// <param name="Detail">The server's refusal or the network error of the failed step (never the password); empty on success.</param>
public sealed record SmtpProbeResult(IReadOnlyList<SmtpProbeStep> Passed, SmtpProbeStep? Failed, string Detail)
{
    /// <summary>True when every step asked for worked.</summary>
    public bool Succeeded => Failed is null;

    /// <summary>Set when the server was not tried at all: <see cref="SmtpServerPolicy"/> does not allow it (the field to change and why).</summary>
    public SmtpServerRefusal? Refusal { get; init; }

    /// <summary>
    /// Set when the login failed before any password was sent because the server offers no mechanism the sender can use
    /// (e.g. only <c>AUTH PLAIN</c>): the mechanisms it offers. The password is not at fault; the server's settings are.
    /// </summary>
    public IReadOnlyList<string>? UnsupportedMechanisms { get; init; }
}
