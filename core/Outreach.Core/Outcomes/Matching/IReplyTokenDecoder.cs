namespace Outreach.Core.Outcomes;

/// <summary>
/// Verifies and decodes the token of a plus-addressed reply address (<c>reply+TOKEN@domain</c>). The
/// matcher extracts <c>TOKEN</c> (the text between the first <c>+</c> and the <c>@</c>) and hands it over;
/// the implementation (signed tokens, in Messaging) checks the signature. Expected to be synchronous and pure.
/// </summary>
public interface IReplyTokenDecoder
{
    /// <summary>Decodes a token; false for anything forged, expired or malformed.</summary>
    /// <param name="token">The plus-address tag, case preserved.</param>
    /// <param name="target">What the token points at, when true.</param>
    bool TryDecode(string token, out ReplyTokenTarget target);
}
