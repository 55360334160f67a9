using System.Globalization;
using System.Text;

namespace Outreach.Core.Outcomes;

/// <summary>
/// A set of subject patterns compared without regard to case or accents ("Reponse automatique" matches
/// "Réponse automatique"). Patterns are folded once; each subject is folded once and compared ordinally,
/// which is far cheaper than a culture-aware comparison per pattern.
/// </summary>
internal sealed class SubjectPatterns
{
    // A prefix only counts at the very start: a human answer reads "Re: Out of office plans", not "Out of office: ...".
    public static readonly SubjectPatterns AutoReplyPrefixes = new(
    [
        "Automatic reply", "Auto:", "Autoreply", "Auto-reply", "Auto reply", "Auto Response", "Out of Office", "Out of the office",
        "Abwesenheitsnotiz", "Automatische Antwort", "Réponse automatique", "Absence du bureau", "Respuesta automática",
        "Fuera de la oficina", "Risposta automatica", "Fuori sede", "Automatisch antwoord", "Afwezigheidsbericht",
        "Resposta automática", "Fora do escritório", "Autosvar", "Automatisk svar", "Frånvaro", "Odpowiedź automatyczna",
        "Poza biurem",
    ]);

    // Phrases that alone prove nothing (a person may write them) but corroborate a weak header.
    public static readonly SubjectPatterns AutoReplyPhrases = new(["out of office", "out of the office", "vacation", "abwesend", "absence", "on leave"]);

    public static readonly SubjectPatterns BouncePrefixes = new(
    [
        "Undelivered Mail Returned to Sender", "Delivery Status Notification", "Mail delivery failed", "Undeliverable:",
        "Undelivered:", "Returned mail:", "Delivery failure", "Failure notice", "Mail System Error", "Message not delivered",
        "Delayed Mail", "Warning: could not send message", "Unzustellbar:", "Non remis", "Non distribuable", "No se puede entregar",
    ]);

    private readonly string[] _folded;

    private SubjectPatterns(string[] patterns) => _folded = [.. patterns.Select(Fold)];

    /// <summary>Whether the subject (leading whitespace ignored) starts with one of the patterns.</summary>
    public bool StartsAny(string subject)
    {
        var folded = Fold(subject.TrimStart());
        return _folded.Any(p => folded.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Whether the subject contains one of the patterns anywhere.</summary>
    public bool ContainedIn(string subject)
    {
        var folded = Fold(subject);
        return _folded.Any(p => folded.Contains(p, StringComparison.Ordinal));
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
