using Outreach.Core.Messaging.Templates;

namespace Outreach.Core.Analytics.Reports;

/// <summary>
/// The group a template's counters are reported under. A default template's sends were once counted under its kind's
/// name in code (<c>ThankYou</c>) and are now counted under the name the API, the templates list and the tasks give it
/// (<c>thank_you</c>): a counter under the old name is read as the new one, so a template's sends before and after the
/// change are one group, not two.
/// </summary>
internal static class TemplateGroupKey
{
    private static readonly Dictionary<string, string> Legacy =
        Enum.GetValues<TemplateKind>().ToDictionary(kind => kind.ToString(), kind => kind.ToName(), StringComparer.Ordinal);

    /// <summary>The group of a stored template key: its current name for a kind's old one, else the key as it is.</summary>
    public static string Of(string stored) => Legacy.GetValueOrDefault(stored, stored);
}
