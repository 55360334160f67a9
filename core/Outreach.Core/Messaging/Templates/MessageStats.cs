using Outreach.Core.Contacts;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Features of a rendered note that the response model uses (<c>word_count</c>, <c>question_count</c>,
/// <c>personal_note_chars</c>): short notes with one clear question and something personal get more replies.
/// Counted on the plain-text part; links are neither words nor questions (an unsubscribe URL's <c>?</c> asks nothing).
/// </summary>
/// <param name="WordCount">Whitespace-separated tokens holding a letter or digit, links excluded.</param>
/// <param name="QuestionCount">Questions asked: runs of <c>?</c> (or the full-width <c>？</c>) outside links.</param>
/// <param name="PersonalNoteChars">Length of the sender's own note when the message actually contains it, else 0.</param>
/// <param name="OffersHelp">
/// Whether the message carries the sender's offer of help (the contact's "what I can offer", as the templates print it);
/// null when not measured (<see cref="From"/> alone, or a task measured before this was recorded).
/// </param>
public sealed record MessageStats(int WordCount, int QuestionCount, int PersonalNoteChars, bool? OffersHelp = null)
{
    /// <summary>Measures <paramref name="message"/>; <paramref name="notes"/> is the personal note the sender wrote (topic or notes).</summary>
    public static MessageStats From(RenderedMessage message, string? notes)
    {
        ArgumentNullException.ThrowIfNull(message);
        var words = 0;
        var questions = 0;
        foreach (var token in message.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsLink(token))
            {
                continue;
            }

            if (token.Any(char.IsLetterOrDigit))
            {
                words++;
            }

            questions += QuestionRuns(token);
        }

        var note = notes?.Trim();
        var noteChars = !string.IsNullOrEmpty(note) && message.Text.Contains(note, StringComparison.Ordinal) ? note.Length : 0;
        return new MessageStats(words, questions, noteChars);
    }

    /// <summary>
    /// Measures <paramref name="message"/> as rendered for <paramref name="contact"/>: the personal note is whichever of the
    /// sender's own words the message carries, the longest of the contact's notes, their topic (the notes' first line,
    /// which the shipped templates print) and the introduction's reason; it offers help when it carries the contact's
    /// offer as a template prints it, whatever the contact's record says later.
    /// </summary>
    /// <param name="message">The rendered message (as sent, or as its draft would be sent).</param>
    /// <param name="contact">Its main recipient.</param>
    /// <param name="introductionReason">The reason of the introduction the message belongs to, or null for a campaign step.</param>
    public static MessageStats Measure(RenderedMessage message, Contact contact, string? introductionReason = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var stats = new[] { contact.Notes, TemplateText.TopicFrom(contact.Notes), introductionReason }
            .Select(note => From(message, note))
            .MaxBy(stats => stats.PersonalNoteChars)!;
        var offer = TemplateText.Clean(contact.Offer);
        return stats with { OffersHelp = !string.IsNullOrEmpty(offer) && message.Text.Contains(offer, StringComparison.Ordinal) };
    }

    private static bool IsLink(string token) =>
        token.Contains("://", StringComparison.Ordinal) || token.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static int QuestionRuns(string token)
    {
        var runs = 0;
        var inRun = false;
        foreach (var c in token)
        {
            var isQuestionMark = c is '?' or '\uFF1F';
            if (isQuestionMark && !inRun)
            {
                runs++;
            }

            inRun = isQuestionMark;
        }

        return runs;
    }
}
