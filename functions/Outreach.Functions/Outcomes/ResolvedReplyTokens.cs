using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// The reply-address tokens of one inbound message, verified and looked up beforehand
/// (<see cref="ReplyTokenResolver"/>), so the matcher's synchronous <see cref="IReplyTokenDecoder"/> needs no I/O.
/// </summary>
internal sealed class ResolvedReplyTokens(IReadOnlyDictionary<string, ReplyTokenTarget> targets) : IReplyTokenDecoder
{
    public bool TryDecode(string token, out ReplyTokenTarget target) => targets.TryGetValue(token, out target!);
}
