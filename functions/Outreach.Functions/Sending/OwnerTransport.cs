using Outreach.Core.Senders;
using Outreach.Core.Sending;
using Outreach.Mail.Smtp;

namespace Outreach.Functions.Sending;

/// <summary>
/// One owner's cached transport and who holds it: the cache (until <see cref="Retire"/>) and each send's lease. The
/// transport is disposed exactly once, when the last holder lets go. <see cref="Lease"/> is called only while the
/// transport is still cached (under <see cref="MailTransportProvider"/>'s lock), so the count never rises again once
/// it has reached zero.
/// </summary>
internal sealed class OwnerTransport(SmtpAccount account, SmtpMailTransport transport)
{
    private int _holders = 1; // the cache

    public SmtpAccount Account { get; } = account;

    /// <summary>A lease for one send; disposing it lets go of the transport.</summary>
    public MailTransportLease Lease()
    {
        Interlocked.Increment(ref _holders);
        return new MailTransportLease(transport, LetGo);
    }

    /// <summary>The cache lets go (the account changed or was removed, or the app stops).</summary>
    public void Retire() => LetGo();

    private void LetGo()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            transport.Dispose();
        }
    }
}
