using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>What <c>POST /api/inbound</c> answers: <c>status</c> matched|unmatched|duplicate, <c>kind</c> reply|auto-reply|bounce|unsubscribe, <c>method</c> and <c>reason</c>.</summary>
internal sealed record InboundResponse(string Status, string? Kind, string? Method, string? Reason)
{
    public static InboundResponse Of(InboundProcessingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status switch
        {
            InboundProcessingStatus.Matched => "matched",
            InboundProcessingStatus.Unmatched => "unmatched",
            _ => "duplicate",
        };
        var kind = result.Classification?.Kind switch
        {
            InboundKind.Bounce => "bounce",
            InboundKind.AutoReply => "auto-reply",
            InboundKind.Reply => "reply",
            InboundKind.Unsubscribe => "unsubscribe",
            _ => null,
        };
        return new InboundResponse(
            status,
            kind,
            result.Match is { IsMatched: true } match ? OutcomeNames.Kebab(match.Method.ToString()) : null,
            result.Match is { IsMatched: false } unmatched ? OutcomeNames.Kebab(unmatched.UnmatchedReason.ToString()) : null);
    }
}
