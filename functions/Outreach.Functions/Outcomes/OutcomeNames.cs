using System.Text;
using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>The API's names for outcome types and sources: kebab-case (<c>meeting-booked</c>, <c>unsubscribe-link</c>).</summary>
internal static class OutcomeNames
{
    public static string Of(OutcomeType type) => Kebab(type.ToString());

    public static string Of(OutcomeSource source) => Kebab(source.ToString());

    /// <summary><c>MeetingBooked</c> → <c>meeting-booked</c>.</summary>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
