namespace Outreach.Core.Messaging.Templates;

/// <summary>Where and when the sender met the recipient; <c>{{event.metOn}}</c> prints the date as "March 2".</summary>
/// <param name="Name">The event, e.g. "the Fordham class visit".</param>
/// <param name="MetOn">The date, if known.</param>
public sealed record MeetingDetails(string? Name, DateOnly? MetOn)
{
    internal Dictionary<string, object?> ToData() => new(StringComparer.Ordinal)
    {
        ["name"] = TemplateText.Clean(Name),
        ["metOn"] = TemplateText.FormatMeetingDate(MetOn),
    };
}
