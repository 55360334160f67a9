using System.Globalization;
using Outreach.Core.Contacts;

namespace Outreach.Core.Messaging.Templates;

/// <summary>Small text rules shared by the template model: blank means absent, names join with one space.</summary>
internal static class TemplateText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Trimmed text, or null for blank so that <c>{{#if x}}</c> and <c>default</c> treat it as missing.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A person's name as a greeting should print it: one typed all in capitals ("JANE O'NEIL-SMITH", "DR. JANE") reads as
    /// shouting, so it is written as a name ("Jane O'Neil-Smith", "Dr. Jane") by the import's rule (<see cref="NameCase"/>);
    /// a name with any lower-case letter in either part ("McDonald", "Jean DUPONT") is kept as written.
    /// </summary>
    public static (string? First, string? Last) PersonName(string? first, string? last)
    {
        var (cleanFirst, cleanLast) = (Clean(first), Clean(last));
        return NameCase.IsWhollyCapitals(cleanFirst, cleanLast) ? (NameCase.Capitalise(cleanFirst), NameCase.Capitalise(cleanLast)) : (cleanFirst, cleanLast);
    }

    public static string? JoinName(string? first, string? last) =>
        string.Join(' ', new[] { Clean(first), Clean(last) }.Where(s => s is not null)) is { Length: > 0 } name ? name : null;

    // What people put before the verb of an offer, which the templates already say ("I would be glad to {{offer}}").
    private static readonly string[] OfferLeadIns =
    [
        "i would be happy to ", "i would be glad to ", "i'd be happy to ", "i'd be glad to ", "i am happy to ", "i'm happy to ",
        "i am glad to ", "i'm glad to ", "happy to ", "glad to ", "i can ", "i could ", "i will ", "i'll ", "to ",
    ];

    // An offer typed as a thing, not a deed ("Resume review", "A referral", "My class notes"): its first word is one of
    // these, which no offer written as a verb phrase starts with. The sentence then offers the thing.
    private static readonly HashSet<string> OfferNounOpeners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "our", "some", "any", "free", "coffee", "lunch", "referral", "referrals", "resume", "résumé", "cv",
        "feedback", "advice", "mentoring", "mentorship", "coaching", "guidance", "tutoring", "notes", "slides", "tickets",
        "insights", "input", "career", "portfolio", "mock", "tips",
    };

    // "Intro to Lee", "an introduction to our club lead": the sentence already says "I would be glad to".
    private static readonly string[] IntroductionOpeners = ["an intro to ", "an introduction to ", "intro to ", "introduction to "];

    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "You", "Your", "Both", "The", "She", "He", "They", "We", "It", "Her", "His", "Their", "Each", "A", "An", "This", "That",
    };

    /// <summary>
    /// An offer as the verb phrase the templates put inside a sentence ("I would be glad to {{offer}}."): the most recent
    /// one when imports appended several, on one line, without a lead-in the sentence already has ("Happy to …",
    /// "I can …"), a capital the sentence does not want ("Send …"), or a final full stop that would double the
    /// sentence's own ("… notes..").
    /// </summary>
    public static string? OfferPhrase(string? offer)
    {
        var latest = Clean(offer)?.Split(Contacts.ContactMerger.NoteSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(o => o.Length > 0);
        var phrase = InnerPhrase(latest);
        if (phrase is null)
        {
            return null;
        }

        foreach (var leadIn in OfferLeadIns)
        {
            if (phrase.Length > leadIn.Length && phrase.StartsWith(leadIn, StringComparison.OrdinalIgnoreCase))
            {
                phrase = phrase[leadIn.Length..].TrimStart();
                break;
            }
        }

        return AsDeed(LowerOrdinaryFirstWord(phrase));
    }

    /// <summary>
    /// An offer typed as a thing made into what the sentence's "I would be glad to …" needs: "Intro to our club lead"
    /// becomes "introduce you to our club lead", "Resume review" "offer resume review"; a verb phrase stays as it is.
    /// </summary>
    private static string AsDeed(string phrase)
    {
        foreach (var opener in IntroductionOpeners)
        {
            if (phrase.Length > opener.Length && phrase.StartsWith(opener, StringComparison.OrdinalIgnoreCase))
            {
                return "introduce you to " + phrase[opener.Length..].TrimStart();
            }
        }

        var end = phrase.IndexOf(' ', StringComparison.Ordinal);
        var first = end < 0 ? phrase : phrase[..end];
        if (!OfferNounOpeners.Contains(first))
        {
            return phrase;
        }

        // "A referral": the article loses the capital LowerOrdinaryFirstWord leaves on a one-letter word.
        return "offer " + (first.Length == 1 ? char.ToLower(phrase[0], English) + phrase[1..] : phrase);
    }

    /// <summary>
    /// A reason as the clause the templates put after "because" ("… because {{reason}}."): on one line, without a
    /// "because" of its own, a capital or a final full stop.
    /// </summary>
    public static string? ReasonClause(string? reason)
    {
        var clause = InnerPhrase(reason);
        if (clause is not null && clause.Length > "because ".Length && clause.StartsWith("because ", StringComparison.OrdinalIgnoreCase))
        {
            clause = clause["because ".Length..].TrimStart();
        }

        // Only a pronoun or article loses its capital: a clause may well start with a name ("Priya needs …").
        var end = clause?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return clause is not null && end > 0 && ClauseOpeners.Contains(clause[..end])
            ? char.ToLower(clause[0], English) + clause[1..]
            : clause;
    }

    /// <summary>Text to sit inside a sentence: whitespace and line breaks collapsed to single spaces, no final '.', ';', ':', ',' or '!'.</summary>
    private static string? InnerPhrase(string? value)
    {
        var oneLine = Clean(value) is { } clean ? HeaderText.ToSingleLine(clean) : null;
        return Clean(oneLine?.TrimEnd('.', ';', ':', ',', '!', ' '));
    }

    /// <summary>"Send you …" becomes "send you …"; an acronym or a brand ("AI", "LinkedIn") keeps its capitals.</summary>
    private static string LowerOrdinaryFirstWord(string phrase)
    {
        var end = phrase.IndexOf(' ', StringComparison.Ordinal);
        var word = end < 0 ? phrase : phrase[..end];
        var ordinary = word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower);
        return ordinary ? char.ToLower(phrase[0], English) + phrase[1..] : phrase;
    }

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
