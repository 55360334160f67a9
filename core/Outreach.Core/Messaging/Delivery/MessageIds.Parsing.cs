namespace Outreach.Core.Messaging.Delivery;

/// <summary>
/// Message-ID parsing shared by the inbound parser, the reply matcher and whoever stores sent Message-IDs
/// (they must be stored in <see cref="Normalize"/>d form for <see cref="Outcomes.ISentMessageIndex"/> look-ups to hit).
/// </summary>
public static partial class MessageIds
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ','];

    /// <summary>
    /// The comparable form of one id: angle brackets and surrounding whitespace removed, the domain part
    /// (after the last <c>@</c>) lower-cased. The local part keeps its case: generators treat it as opaque
    /// and some are case-sensitive. Returns null for an empty id.
    /// </summary>
    public static string? Normalize(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var trimmed = id.Trim().TrimStart('<').TrimEnd('>').Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var at = trimmed.LastIndexOf('@');
        return at < 0 ? trimmed : string.Concat(trimmed.AsSpan(0, at + 1), trimmed[(at + 1)..].ToLowerInvariant());
    }

    /// <summary>
    /// Parses a list of ids as found in References or In-Reply-To: with or without angle brackets, separated
    /// by whitespace, folding or commas (Outlook and some gateways use commas), with comments ignored.
    /// Returns normalised ids in the order written, duplicates removed.
    /// </summary>
    public static IReadOnlyList<string> ParseList(string? value)
    {
        var ids = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return ids;
        }

        var text = StripComments(value);
        IEnumerable<string> candidates = text.Contains('<', StringComparison.Ordinal)
            ? BracketedIds(text)
            : text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in candidates)
        {
            if (Normalize(candidate) is { } id && !ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static IEnumerable<string> BracketedIds(string text)
    {
        var start = text.IndexOf('<', StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf('>', start + 1);
            if (end < 0)
            {
                yield return text[(start + 1)..];
                yield break;
            }

            // Folding inside an id is not allowed but happens; whitespace is never part of an id.
            yield return string.Concat(text[(start + 1)..end].Where(c => !char.IsWhiteSpace(c)));
            start = text.IndexOf('<', end + 1);
        }
    }

    private static string StripComments(string value)
    {
        if (!value.Contains('(', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        var depth = 0;
        var inAngle = false;
        foreach (var c in value)
        {
            if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (c == '(' && !inAngle)
            {
                depth++;
                continue;
            }
            else if (c == ')' && !inAngle && depth > 0)
            {
                depth--;
                continue;
            }

            if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
