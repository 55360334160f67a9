using System.Text;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Parses RFC 5322 address lists as they appear in From/To/Cc: <c>"Name, Jr." &lt;a@b.c&gt;</c> (a comma inside
/// quotes), bare <c>a@b.c</c>, the old <c>a@b.c (Name)</c> comment form, groups (<c>Team: a@b.c, d@e.f;</c>,
/// <c>undisclosed-recipients:;</c>) and encoded-word display names. Entries without a plausible address are
/// dropped rather than failing the whole message.
/// </summary>
public static class AddressListParser
{
    /// <summary>Parses every mailbox in the list, in order.</summary>
    public static IReadOnlyList<EmailAddress> Parse(string? value)
    {
        var result = new List<EmailAddress>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var entry in SplitTopLevel(value))
        {
            if (ParseMailbox(entry) is { } address)
            {
                result.Add(address);
            }
        }

        return result;
    }

    /// <summary>Parses the first mailbox of the list, or null when there is none.</summary>
    public static EmailAddress? ParseFirst(string? value) => Parse(value) is [var first, ..] ? first : null;

    // Splits on commas outside quotes, comments and angle brackets; a group's "name:" prefix and ";" end are dropped.
    private static List<string> SplitTopLevel(string value)
    {
        var entries = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var commentDepth = 0;
        var inAngle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                current.Append(c);
                if (c == '\\' && i + 1 < value.Length)
                {
                    current.Append(value[++i]);
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when commentDepth == 0:
                    inQuotes = true;
                    current.Append(c);
                    break;
                case '(':
                    commentDepth++;
                    current.Append(c);
                    break;
                case ')' when commentDepth > 0:
                    commentDepth--;
                    current.Append(c);
                    break;
                case '<' when commentDepth == 0:
                    inAngle = true;
                    current.Append(c);
                    break;
                case '>' when commentDepth == 0:
                    inAngle = false;
                    current.Append(c);
                    break;
                case ':' when commentDepth == 0 && !inAngle:
                    current.Clear();
                    break;
                case ',' or ';' when commentDepth == 0 && !inAngle:
                    entries.Add(current.ToString());
                    current.Clear();
                    break;
                default:
                    current.Append(c);
                    break;
            }
        }

        entries.Add(current.ToString());
        return entries;
    }

    private static EmailAddress? ParseMailbox(string entry)
    {
        var angleStart = IndexOutsideQuotes(entry, '<');
        if (angleStart >= 0)
        {
            var angleEnd = entry.IndexOf('>', angleStart + 1);
            var address = (angleEnd < 0 ? entry[(angleStart + 1)..] : entry[(angleStart + 1)..angleEnd]).Trim();
            address = StripSourceRoute(address);
            return EmailAddress.IsPlausible(address)
                ? new EmailAddress(address, DisplayName(entry[..angleStart]))
                : null;
        }

        // Bare address, possibly followed by a "(Name)" comment.
        var (bare, comment) = SplitComment(entry);
        bare = bare.Trim();
        return EmailAddress.IsPlausible(bare) ? new EmailAddress(bare, DisplayName(comment)) : null;
    }

    private static string StripSourceRoute(string address)
    {
        // Obsolete route syntax: <@relay.example:user@host>.
        var colon = address.IndexOf(':', StringComparison.Ordinal);
        return address.StartsWith('@') && colon > 0 ? address[(colon + 1)..] : address;
    }

    private static (string Bare, string Comment) SplitComment(string entry)
    {
        var bare = new StringBuilder();
        var comment = new StringBuilder();
        var depth = 0;
        foreach (var c in entry)
        {
            if (c == '(')
            {
                depth++;
                if (depth == 1)
                {
                    continue;
                }
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    continue;
                }
            }

            (depth > 0 ? comment : bare).Append(c);
        }

        return (bare.ToString(), comment.ToString());
    }

    private static string? DisplayName(string raw)
    {
        var text = raw.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = Unquote(text[1..^1]);
        }

        text = EncodedWords.Decode(text).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Unquote(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
            }

            builder.Append(quoted[i]);
        }

        return builder.ToString();
    }

    private static int IndexOutsideQuotes(string text, char target)
    {
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && inQuotes)
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == target && !inQuotes)
            {
                return i;
            }
        }

        return -1;
    }
}
