using Outreach.Core.Outcomes;

namespace Outreach.Core.Tests.Outcomes.Support;

/// <summary>A dictionary of issued tokens: a token not issued here does not decode, as a forged signature would not.</summary>
internal sealed class InMemoryReplyTokenDecoder : IReplyTokenDecoder
{
    private readonly Dictionary<string, ReplyTokenTarget> _issued = new(StringComparer.Ordinal);

    public void Issue(string token, ReplyTokenTarget target) => _issued[token] = target;

    public bool TryDecode(string token, out ReplyTokenTarget target)
    {
        if (_issued.TryGetValue(token, out var found))
        {
            target = found;
            return true;
        }

        target = null!;
        return false;
    }
}
