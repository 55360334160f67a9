using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Sending;

/// <summary>
/// A transport held for one send (<see cref="IMailTransportProvider.ForSender"/>). Disposing the lease says the send is
/// over: a provider that replaced or dropped the transport meanwhile (the owner changed or removed their account)
/// disposes it only when the last lease on it ends, so no send ever finds its connection pool closed under it.
/// </summary>
public sealed class MailTransportLease : IDisposable
{
    private Action? _release;

    /// <summary>A lease on <paramref name="transport"/> that runs <paramref name="release"/> once, when disposed.</summary>
    /// <param name="transport">The transport to send through.</param>
    /// <param name="release">What ending the lease does (null: nothing, for a transport that lives as long as the app).</param>
    public MailTransportLease(IMailTransport transport, Action? release = null)
    {
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _release = release;
    }

    /// <summary>The transport to send through while the lease is held.</summary>
    public IMailTransport Transport { get; }

    /// <summary>A lease on a transport whose lifetime is not the provider's to end (the deployment's, a test's).</summary>
    public static MailTransportLease Unowned(IMailTransport transport) => new(transport);

    /// <summary>Ends the lease (once; later calls do nothing).</summary>
    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
