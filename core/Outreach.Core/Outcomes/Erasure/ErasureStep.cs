namespace Outreach.Core.Outcomes;

/// <summary>One thing to delete, redact or hash.</summary>
/// <param name="Target">What kind of thing.</param>
/// <param name="Mode">What to do to it.</param>
/// <param name="Key">Its key: a contact, task, outcome dedupe key, inbound key, blob prefix (<c>container/prefix</c>), import id, or suppression hash.</param>
/// <param name="Detail">For <see cref="ErasureTarget.ImportRow"/>, the line number; otherwise null.</param>
public sealed record ErasureStep(ErasureTarget Target, ErasureMode Mode, string Key, string? Detail = null);
