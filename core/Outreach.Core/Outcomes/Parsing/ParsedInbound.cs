namespace Outreach.Core.Outcomes;

/// <summary>A webhook body read into the common model, with the shape it was recognised as.</summary>
/// <param name="Shape">Which service's payload it was.</param>
/// <param name="Message">The message.</param>
public sealed record ParsedInbound(InboundPayloadShape Shape, InboundMessage Message);
