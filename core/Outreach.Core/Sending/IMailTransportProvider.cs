using Outreach.Core.Senders;

namespace Outreach.Core.Sending;

/// <summary>The transport that sends for one sender: the owner's own SMTP account when the profile has one, else the deployment's.</summary>
public interface IMailTransportProvider
{
    /// <summary>
    /// The transport for <paramref name="sender"/>, held until the lease is disposed (implementations cache it per owner
    /// and dispose one the owner's account no longer uses only once no lease on it is held).
    /// </summary>
    /// <exception cref="DomainException">
    /// The sender's own SMTP account cannot be used (its sealed password does not unseal, no key ring is configured, the
    /// account is incomplete); the code says which. Nothing was sent.
    /// </exception>
    MailTransportLease ForSender(SenderProfile sender);
}
