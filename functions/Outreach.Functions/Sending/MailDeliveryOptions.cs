namespace Outreach.Functions.Sending;

/// <summary>Which transport the deployment uses (section <c>Mail</c>, beside <see cref="Core.Sending.SendingOptions"/>).</summary>
internal sealed class MailDeliveryOptions
{
    public MailTransportKind Transport { get; set; } = MailTransportKind.Smtp;
}
