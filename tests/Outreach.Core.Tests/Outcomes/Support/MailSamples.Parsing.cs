using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>Parsing of the samples (kept apart from the raw texts so the function-app tests can link those alone).</summary>
internal static partial class MailSamples
{
    /// <summary>Parses a raw sample (headers, blank line, body) the way the canonical JSON path would.</summary>
    public static InboundMessage Parse(string raw, DateTimeOffset? receivedAt = null)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = HeaderBlockParser.Parse(raw);
        var builder = new InboundMessageBuilder(headers, InboundLimits.Default)
        {
            Text = split < 0 ? string.Empty : raw[(split + 2)..],
            ReceivedAt = receivedAt ?? new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero),
        };
        return builder.Build(TimeProvider.System);
    }
}
