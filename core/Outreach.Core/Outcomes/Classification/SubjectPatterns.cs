using System.Globalization;

namespace Outreach.Core.Outcomes;

/// <summary>Subject prefixes that machines put on auto-replies and bounces, in the languages our users' contacts write in.</summary>
internal static class SubjectPatterns
{
    // A prefix only counts at the very start: a human answer reads "Re: Out of office plans", not "Out of office: ...".
    public static readonly string[] AutoReplyPrefixes =
    [
        "Automatic reply", "Auto:", "Autoreply", "Auto-reply", "Auto reply", "Auto Response", "Out of Office", "Out of the office",
        "Abwesenheitsnotiz", "Automatische Antwort", "Réponse automatique", "Absence du bureau", "Respuesta automática",
        "Fuera de la oficina", "Risposta automatica", "Fuori sede", "Automatisch antwoord", "Afwezigheidsbericht",
        "Resposta automática", "Fora do escritório", "Autosvar", "Automatisk svar", "Frånvaro", "Odpowiedź automatyczna",
        "Poza biurem",
    ];

    // Phrases that alone prove nothing (a person may write them) but corroborate a weak header.
    public static readonly string[] AutoReplyPhrases = ["out of office", "out of the office", "vacation", "abwesend", "absence", "on leave"];

    public static readonly string[] BouncePrefixes =
    [
        "Undelivered Mail Returned to Sender", "Delivery Status Notification", "Mail delivery failed", "Undeliverable:",
        "Undelivered:", "Returned mail:", "Delivery failure", "Failure notice", "Mail System Error", "Message not delivered",
        "Delayed Mail", "Warning: could not send message", "Unzustellbar:", "Non remis", "Non distribuable", "No se puede entregar",
    ];

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static bool StartsWithAny(string subject, IEnumerable<string> prefixes)
    {
        var trimmed = subject.TrimStart();
        return prefixes.Any(p => Compare.IsPrefix(trimmed, p, Loose));
    }

    public static bool ContainsAny(string subject, IEnumerable<string> phrases) =>
        phrases.Any(p => Compare.IndexOf(subject, p, Loose) >= 0);
}
