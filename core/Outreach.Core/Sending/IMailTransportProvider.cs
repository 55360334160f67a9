using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>The transport that sends for one sender: the owner's own SMTP account when the profile has one, else the deployment's.</summary>
public interface IMailTransportProvider
{
    /// <summary>The transport for <paramref name="sender"/> (implementations cache it per owner).</summary>
    IMailTransport ForSender(SenderProfile sender);
}
