namespace Outreach.Core.Outcomes;

/// <summary>
/// Where per-contact blobs live, so erasure can delete them by prefix: <c>{container}/{ownerId}/{contactId}/</c>.
/// Blob writers must follow this layout or erasure will miss their blobs.
/// </summary>
public static class ContactBlobLayout
{
    /// <summary>Raw inbound messages.</summary>
    public const string InboundContainer = "inbound-mail";

    /// <summary>Rendered messages (previews, pickup-directory .eml copies).</summary>
    public const string RenderedContainer = "rendered-mail";

    /// <summary>The prefix of every blob about the contact in a container.</summary>
    public static string Prefix(string ownerId, string contactId) => $"{ownerId}/{contactId}/";
}
