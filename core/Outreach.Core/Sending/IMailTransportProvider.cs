using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>The transport that sends for one sender: the owner's own SMTP account when the profile has one, else the deployment's.</summary>
public interface IMailTransportProvider
{
    /// <summary>The transport for <paramref name="sender"/> (implementations cache it per owner).</summary>
    /// <exception cref="DomainException">
    /// The sender's own SMTP account cannot be used (its sealed password does not unseal, no key ring is configured, the
    /// account is incomplete); the code says which. Nothing was sent.
    /// </exception>
    IMailTransport ForSender(SenderProfile sender);
}
