using Outreach.Core.Senders;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// The owner's own mailbox as <c>GET /api/sender</c> shows it: never the password, only that one is set.
/// </summary>
internal sealed record SmtpAccountView(string Host, int Port, string UserName, bool StartTls, bool PasswordSet)
{
    public static SmtpAccountView? Of(SmtpAccount? account) => account is null
        ? null
        : new(account.Host, account.Port, account.UserName, account.EnableSsl, !string.IsNullOrEmpty(account.ProtectedPassword));

    /// <summary>Never shows the login.</summary>
    public override string ToString() => $"SmtpAccountView {{ Host = {Host}, Port = {Port} }}";
}
