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
/// pool) and replaced when the account changes; a replaced one, or one whose account the owner removed (seen at their
/// next send, or told by <see cref="Forget"/> when they change or remove it here), is disposed only when the last send
/// holding a lease on it ends, so no send finds its pool closed under it and no transport is left open for good. An
/// account that cannot be used is a <see cref="DomainException"/> (<see cref="IMailTransportProvider.ForSender"/>), so
/// the sender fails the task unsent instead of claiming it.
/// </summary>
internal sealed class MailTransportProvider(
    Lazy<IMailTransport> deployment,
    Lazy<SecretProtector> secrets,
    SmtpOptions defaults,
    TimeProvider time,
    ILoggerFactory loggers) : IMailTransportProvider, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OwnerTransport> _owners = new(StringComparer.Ordinal);
    private bool _disposed;

    public MailTransportLease ForSender(SenderProfile sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (sender.Smtp is not { } account)
        {
            Forget(sender.OwnerId); // the owner removed their account: its connections close once no send uses them
            return MailTransportLease.Unowned(deployment.Value);
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_owners.TryGetValue(sender.OwnerId, out var cached) && cached.Account == account)
            {
                return cached.Lease();
            }
        }

        // Built outside the lock (it unseals the password); an account that cannot be used throws here and leaves the
        // cached transport as it was. Two callers may both build one for a new account: one is cached, the other dropped.
        var created = new OwnerTransport(account, Create(sender.OwnerId, account));
        OwnerTransport? dropped;
        MailTransportLease? lease = null;
        lock (_gate)
        {
            if (_disposed)
            {
                dropped = created;
            }
            else if (_owners.TryGetValue(sender.OwnerId, out var cached) && cached.Account == account)
            {
                dropped = created;
                lease = cached.Lease();
            }
            else
            {
                dropped = cached;
                _owners[sender.OwnerId] = created;
                lease = created.Lease();
            }
        }

        dropped?.Retire();
        return lease ?? throw new ObjectDisposedException(nameof(MailTransportProvider));
    }

    /// <summary>
    /// Drops the owner's cached transport (their account changed or was removed): it is disposed at once when no send
    /// holds it, else when the last one ends. The next send builds one from the account it reads.
    /// </summary>
    public void Forget(string ownerId)
    {
        OwnerTransport? dropped;
        lock (_gate)
        {
            _owners.Remove(ownerId, out dropped);
        }

        dropped?.Retire();
    }

    public void Dispose()
    {
        List<OwnerTransport> dropped;
        lock (_gate)
        {
            _disposed = true;
            dropped = [.. _owners.Values];
            _owners.Clear();
        }

        foreach (var owner in dropped)
        {
            owner.Retire();
        }
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
