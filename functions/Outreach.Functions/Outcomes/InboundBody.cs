namespace Outreach.Functions.Outcomes;

/// <summary>A webhook body as received: its raw text (kept for the archive), content type and decoded form fields, if a form.</summary>
internal sealed record InboundBody(string Raw, string ContentType, IReadOnlyDictionary<string, string>? Form)
{
    public bool IsForm => Form is not null;
}
