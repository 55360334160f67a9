namespace Outreach.Mail.Smtp;

/// <summary>Why <see cref="SmtpServerPolicy"/> refuses an owner's server: the field to change (<c>host</c> or <c>port</c>) and what to do.</summary>
/// <param name="Field">The account field at fault: <c>host</c> or <c>port</c>.</param>
/// <param name="Message">What is wrong and what to use instead; it never names a resolved address.</param>
public sealed record SmtpServerRefusal(string Field, string Message);
