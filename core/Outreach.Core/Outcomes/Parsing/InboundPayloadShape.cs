namespace Outreach.Core.Outcomes;

/// <summary>Which inbound service's payload a webhook body was recognised as.</summary>
public enum InboundPayloadShape
{
    /// <summary>Outreach's own documented JSON shape (see <c>Outcomes/README.md</c>).</summary>
    Canonical,

    /// <summary>SendGrid Inbound Parse (form fields, parsed mode).</summary>
    SendGrid,

    /// <summary>Mailgun routes "forward" action (form fields).</summary>
    Mailgun,

    /// <summary>Postmark inbound webhook (JSON).</summary>
    Postmark,
}
