namespace Outreach.Testing.LocalServices;

/// <summary>
/// A real maildev that takes mail only after SMTP AUTH as <see cref="User"/> with <see cref="Password"/> (without TLS:
/// maildev then turns STARTTLS off): a student's own mailbox in tests, so a send that arrives proves those credentials
/// were used, and a wrong password is refused as a real provider would.
/// </summary>
public sealed class AuthenticatedMailDevFixture : MailDevFixture
{
    public const string User = "sam@mailbox.example";
    public const string Password = "s3cret-app-password";

    public AuthenticatedMailDevFixture()
        : base(User, Password)
    {
    }
}
