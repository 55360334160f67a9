using System.Collections.Concurrent;
using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Functions.Hosting;
using Outreach.Mail.Smtp;

namespace Outreach.Functions.Sending;

/// <summary>
/// The deployment's transport, or for an owner with their own SMTP account a <see cref="SmtpMailTransport"/> built from
/// it with the password unsealed by <see cref="SecretProtector"/>. Owner transports are cached (each keeps a connection
/// pool) and rebuilt when the account changes. An account that cannot be used is a <see cref="DomainException"/>
/// (<see cref="IMailTransportProvider.ForSender"/>), so the sender fails the task unsent instead of claiming it.
/// </summary>
internal sealed class MailTransportProvider(
    IMailTransport deployment,
    Lazy<SecretProtector> secrets,
    SmtpOptions defaults,
    TimeProvider time,
    ILoggerFactory loggers) : IMailTransportProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, (SmtpAccount Account, SmtpMailTransport Transport)> _owners = new(StringComparer.Ordinal);

    public IMailTransport ForSender(SenderProfile sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (sender.Smtp is not { } account)
        {
            return deployment;
        }

        var cached = _owners.AddOrUpdate(
            sender.OwnerId,
            _ => (account, Create(sender.OwnerId, account)),
            (_, existing) => existing.Account == account ? existing : Replace(existing.Transport, sender.OwnerId, account));
        return cached.Transport;
    }

    public void Dispose()
    {
        foreach (var (_, transport) in _owners.Values)
        {
            transport.Dispose();
        }
    }

    private (SmtpAccount, SmtpMailTransport) Replace(SmtpMailTransport old, string ownerId, SmtpAccount account)
    {
        var created = Create(ownerId, account); // first: an account that cannot be used leaves the cached one working
        old.Dispose();
        return (account, created);
    }

    /// <exception cref="DomainException">The account cannot be used: <c>secrets.*</c> for its password, <c>smtp.account-incomplete</c>.</exception>
    private SmtpMailTransport Create(string ownerId, SmtpAccount account)
    {
        if (string.IsNullOrWhiteSpace(account.Host) || account.Port is < 1 or > 65535)
        {
            throw new DomainException("smtp.account-incomplete", "The owner's SMTP account has no host or no valid port.", "smtp.host");
        }

        string password;
        try
        {
            password = secrets.Value.Unprotect(account.ProtectedPassword, ownerId);
        }
        catch (FunctionAppConfigurationException e)
        {
            // The deployment's fault, but each send fails with it where the owner (and whoever runs the app) sees it.
            throw new DomainException("secrets.not-configured", e.Message, "Secrets:Keys");
        }

        var options = defaults.ForAccount(account.Host, account.Port, account.EnableSsl, account.UserName, password);
        return new SmtpMailTransport(options, time, loggers.CreateLogger<SmtpMailTransport>());
    }

    /// <summary>The protector from <see cref="SecretKeyOptions"/>; built on first use, when an owner sets or sends through their own SMTP account.</summary>
    public static SecretProtector CreateProtector(SecretKeyOptions options)
    {
        if (options.Keys.Count == 0)
        {
            throw new FunctionAppConfigurationException("Secrets:Keys is not configured, so owners' own SMTP passwords can be neither sealed nor unsealed.");
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (id, base64) in options.Keys)
        {
            try
            {
                keys[id] = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new FunctionAppConfigurationException($"Secrets:Keys:{id} is not valid base64."); // never echo the value
            }
        }

        return new SecretProtector(keys, options.CurrentKeyId);
    }
}
