using System.Globalization;

namespace Outreach.Core.Messaging.Templates;

/// <summary>Small text rules shared by the template model: blank means absent, names join with one space.</summary>
internal static class TemplateText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Trimmed text, or null for blank so that <c>{{#if x}}</c> and <c>default</c> treat it as missing.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? JoinName(string? first, string? last) =>
        string.Join(' ', new[] { Clean(first), Clean(last) }.Where(s => s is not null)) is { Length: > 0 } name ? name : null;

    /// <summary>"March 2": how people say a recent meeting date in a note.</summary>
    public static string? FormatMeetingDate(DateOnly? date) => date?.ToString("MMMM d", English);

    /// <summary>
    /// The first line of the notes without its final full stop, short enough to sit inside a sentence
    /// ("what you said about {{topic}}"); null when the notes are long-form.
    /// </summary>
    public static string? TopicFrom(string? notes)
    {
        var firstLine = Clean(notes)?.Split('\n')[0].Trim().TrimEnd('.', ';', ':').Trim();
        return firstLine is { Length: > 0 and <= 100 } ? firstLine : null;
    }
}
