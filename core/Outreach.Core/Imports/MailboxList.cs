using System.Buffers;

namespace Outreach.Core.Imports;

/// <summary>
/// Reads an email cell that is not one plain address but is written the way mail clients and exports write
/// addresses: <c>Jane Doe &lt;jane@x.org&gt;</c> (what Outlook and most mail clients copy), <c>&lt;jane@x.org&gt;</c>,
/// <c>Jane Doe (jane@x.org)</c> and <c>jane@x.org (Jane Doe)</c> (a name in parentheses, as older mail and people write
/// it), <c>mailto:jane@x.org</c> (percent-encoded as links are: <c>mailto:jane%40x.org</c>), an address in quotes, and several addresses in one cell, separated by Google Contacts'
/// <c> ::: </c> or by <c>;</c> or <c>,</c> as people type them, or put on lines of their own in a spreadsheet cell. Reading those forms takes out only what marks an
/// address as one (the brackets, the scheme, the quotes); the address itself is checked by <see cref="EmailSyntax"/>
/// and never repaired, so a cell that holds no well-formed address is still refused.
/// </summary>
/// <remarks>
/// A plain address is never parsed here: the normaliser checks it first, and only a cell that fails that check and
/// holds one of these forms' marks (<see cref="MayHoldOtherForms"/>) is read, so the common path costs nothing more.
/// </remarks>
internal static class MailboxList
{
    /// <summary>The characters without one of which a cell cannot be in any of these forms.</summary>
    private static readonly SearchValues<char> Marks = SearchValues.Create("<>();,:\"' ");

    /// <summary>Whether <paramref name="cell"/> may be in one of these forms (a cheap test before <see cref="Parse"/>).</summary>
    public static bool MayHoldOtherForms(ReadOnlySpan<char> cell) => cell.IndexOfAny(Marks) >= 0;

    /// <summary>The mailboxes of <paramref name="cell"/> (one-line, not empty), in order; at least one.</summary>
    public static List<Mailbox> Parse(string cell)
    {
        var mailboxes = new List<Mailbox>(2);
        foreach (var part in Split(cell))
        {
            mailboxes.Add(ParseOne(part));
        }

        return mailboxes;
    }

    /// <summary>
    /// The cell's parts: cut at <c>:::</c> and at <c>;</c> outside quotes, angle brackets and parentheses, and at a <c>,</c>
    /// there once the part holds an <c>@</c> (so <c>Doe, Jane &lt;jane@x.org&gt;</c>, a name written last name first, and
    /// <c>jane@x.org (Doe, Jane)</c> stay whole). Empty
    /// parts (a trailing <c>;</c>, as Outlook ends a list) are dropped; a cell of separators alone is one empty part.
    /// </summary>
    private static List<string> Split(string cell)
    {
        var parts = new List<string>(2);
        var start = 0;
        var quoted = false;
        var angled = false;
        var parenthesised = false;
        var hasAt = false;
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '<':
                    angled = true;
                    break;
                case '>':
                    angled = false;
                    break;
                case '(':
                    parenthesised = true;
                    break;
                case ')':
                    parenthesised = false;
                    break;
                case '@':
                    hasAt = true;
                    break;
                case ';' when !angled && !parenthesised:
                case ',' when !angled && !parenthesised && hasAt:
                    AddPart(parts, cell[start..i]);
                    (start, hasAt) = (i + 1, false);
                    break;
                case ':' when !angled && cell.AsSpan(i).StartsWith(":::", StringComparison.Ordinal):
                    AddPart(parts, cell[start..i]);
                    (start, hasAt) = (i + 3, false);
                    i += 2;
                    break;
            }
        }

        AddPart(parts, cell[start..]);
        if (parts.Count == 0)
        {
            parts.Add(string.Empty);
        }

        return parts;
    }

    /// <summary>
    /// Adds a part; one that is only addresses separated by white space (<c>a@x.org b@y.org</c>: two addresses on two
    /// lines of a spreadsheet cell, whose line break the cleaning made a space) as one part each. A part with a word that
    /// holds no <c>@</c> (<c>jim beam@x.org</c>, <c>Jane jane@x.org</c>) stays whole, and is refused as it is.
    /// </summary>
    private static void AddPart(List<string> parts, string part)
    {
        part = part.Trim();
        if (part.Length == 0)
        {
            return;
        }

        if (part.Contains(' ', StringComparison.Ordinal) && part.AsSpan().IndexOfAny('<', '"') < 0)
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (Array.TrueForAll(words, w => w.Contains('@', StringComparison.Ordinal)))
            {
                parts.AddRange(words);
                return;
            }
        }

        parts.Add(part);
    }

    /// <summary>One mailbox: <c>name &lt;address&gt;</c>, <c>&lt;address&gt;</c>, or an address, each maybe <c>mailto:</c> or in quotes.</summary>
    private static Mailbox ParseOne(string part)
    {
        if (part.Length == 0)
        {
            return new Mailbox(null, null, "holds no address, only separators");
        }

        string? name = null;
        var address = part;
        if (Parenthesised(part) is { } parenthesised)
        {
            (name, address) = parenthesised;
        }

        var open = address == part ? part.LastIndexOf('<') : -1;
        if (open >= 0 || (address == part && part.Contains('>', StringComparison.Ordinal)))
        {
            if (CountOutsideQuotes(part, '<') > 1 || CountOutsideQuotes(part, '>') > 1)
            {
                return new Mailbox(null, null, "has more than one <...>");
            }

            if (open < 0 || part[^1] != '>' || CountOutsideQuotes(part[..open], '>') > 0)
            {
                return new Mailbox(null, null, "has a '<' or '>' that does not enclose an address as in Jane Doe <jane@example.org>");
            }

            name = part[..open].Trim();

            address = part[(open + 1)..^1].Trim();
            if (address.Length == 0)
            {
                return new Mailbox(null, null, "has nothing between < and >");
            }
        }

        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            // A mailto: link's address ends where its headers (?subject=...) begin, and is percent-encoded (RFC 6068).
            address = address["mailto:".Length..];
            var query = address.IndexOf('?', StringComparison.Ordinal);
            address = Uri.UnescapeDataString(query >= 0 ? address[..query] : address).Trim();
        }

        if (address.Length >= 2 && address[0] is '"' or '\'' && address[^1] == address[0])
        {
            address = address[1..^1].Trim();
        }

        if (EmailSyntax.Problem(address) is { } problem)
        {
            return new Mailbox(null, null, problem);
        }

        return new Mailbox(address, DisplayName(name), null);
    }

    /// <summary>
    /// The name and address of <c>Jane Doe (jane@x.org)</c> or <c>jane@x.org (Jane Doe)</c>: a part ending in its one
    /// parenthesised group, one side of which holds an <c>@</c> and the other none. Null for any other part (the
    /// parentheses are then the address's to answer for, and <see cref="EmailSyntax"/> refuses them).
    /// </summary>
    private static (string? Name, string Address)? Parenthesised(string part)
    {
        var open = part.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || part[^1] != ')' || part.IndexOf(')', StringComparison.Ordinal) != part.Length - 1
            || part.LastIndexOf('(') != open || part.AsSpan().IndexOfAny('<', '>') >= 0)
        {
            return null;
        }

        var outside = part[..open].Trim();
        var inside = part[(open + 1)..^1].Trim();
        return (outside.Contains('@', StringComparison.Ordinal), inside.Contains('@', StringComparison.Ordinal)) switch
        {
            (false, true) => (outside, inside),
            (true, false) => (inside, outside),
            _ => null,
        };
    }

    /// <summary>The name before <c>&lt;address&gt;</c> without its quotes; null when it is empty or is itself an address (<c>"jane@x.org" &lt;jane@x.org&gt;</c>).</summary>
    private static string? DisplayName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        if (name.Length >= 2 && name[0] is '"' or '\'' && name[^1] == name[0])
        {
            name = name[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        // An encoded word (=?utf-8?B?...?=) is a header's bytes, not a name a note can greet.
        name = TextCleaner.SingleLine(name);
        return name is null || name.Contains('@', StringComparison.Ordinal) || name.StartsWith("=?", StringComparison.Ordinal) ? null : name;
    }

    private static int CountOutsideQuotes(string text, char c)
    {
        var (quoted, count) = (false, 0);
        foreach (var x in text)
        {
            if (x == '"')
            {
                quoted = !quoted;
            }
            else if (x == c && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
