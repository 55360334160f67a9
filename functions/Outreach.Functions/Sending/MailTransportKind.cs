namespace Outreach.Functions.Sending;

/// <summary>Where the deployment's mail goes.</summary>
internal enum MailTransportKind
{
    /// <summary>An SMTP server (section <c>Smtp</c>); maildev locally.</summary>
    Smtp,

    /// <summary>.eml files in a directory (section <c>Mail:Pickup</c>), for previews and dry runs.</summary>
    Pickup,
}
