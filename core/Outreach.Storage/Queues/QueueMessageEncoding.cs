namespace Outreach.Storage.Queues;

/// <summary>How message text is stored in <c>MessageText</c>.</summary>
public enum QueueMessageEncoding
{
    /// <summary>The text as is (XML-escaped on the wire). Must contain only characters XML can carry.</summary>
    None,

    /// <summary>
    /// Base64 of the UTF-8 bytes: what an Azure Functions queue trigger expects by default
    /// (host.json <c>extensions.queues.messageEncoding</c> = <c>base64</c>). Costs a third more of the 64 KiB limit.
    /// </summary>
    Base64,
}
