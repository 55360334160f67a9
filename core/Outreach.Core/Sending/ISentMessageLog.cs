using Outreach.Core.Outcomes;

namespace Outreach.Core.Sending;

/// <summary>The sent-message index as the sender writes it: one entry per Message-ID, written before the SMTP call.</summary>
public interface ISentMessageLog : ISentMessageIndex
{
    /// <summary>Records that <paramref name="sent"/> goes out as <paramref name="messageId"/> (any form; stored normalised). Writing the same id twice keeps one entry.</summary>
    Task RecordAsync(string messageId, SentMessageRef sent, CancellationToken cancellationToken);
}
