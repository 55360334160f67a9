namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Finds the tags in a template part the way Handlebars' lexer does: comments (<c>{{! }}</c>, <c>{{!-- --}}</c>,
/// which may contain <c>}}</c>), whitespace control (<c>~</c>), escaped <c>\{{</c>, string literals that may
/// contain braces, and the tag kinds Outreach refuses in user templates (triple-stash and <c>{{&amp;</c>, which
/// bypass HTML escaping; partials; decorators; raw blocks).
/// </summary>
internal static class MustacheScanner
{
    public static List<MustacheTag> Scan(string source)
    {
        var tags = new List<MustacheTag>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                return tags;
            }

            if (open > 0 && source[open - 1] == '\\')
            {
                // \{{ is literal text up to the next }}.
                var literalEnd = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
                position = literalEnd < 0 ? source.Length : literalEnd + 2;
                continue;
            }

            position = ScanTag(source, open, tags);
        }
    }

    private static int ScanTag(string source, int open, List<MustacheTag> tags)
    {
        if (At(source, open, "{{{{"))
        {
            throw new TemplateSyntaxException(open, "template.raw-output", "Raw blocks ({{{{…}}}}) are not allowed in templates");
        }

        if (At(source, open, "{{{"))
        {
            throw new TemplateSyntaxException(open, "template.raw-output", "Triple braces ({{{…}}}) would insert unescaped HTML and are not allowed; use {{…}}");
        }

        var p = open + 2;
        if (p < source.Length && source[p] == '~')
        {
            p++;
        }

        if (At(source, p, "!--"))
        {
            return ScanComment(source, open, p + 3, "--", tags);
        }

        if (At(source, p, "!"))
        {
            return ScanComment(source, open, p + 1, string.Empty, tags);
        }

        var kind = MustacheTagKind.Expression;
        switch (p < source.Length ? source[p] : '\0')
        {
            case '#' when At(source, p + 1, ">"):
            case '>':
                throw new TemplateSyntaxException(open, "template.partial", "Partials ({{>…}}) are not supported in templates");
            case '#' when At(source, p + 1, "*"):
            case '*':
                throw new TemplateSyntaxException(open, "template.decorator", "Decorators ({{*…}}) are not supported in templates");
            case '{':
                throw new TemplateSyntaxException(open, "template.raw-output", "Triple braces ({{{…}}}) would insert unescaped HTML and are not allowed; use {{…}}");
            case '&':
                throw new TemplateSyntaxException(open, "template.raw-output", "{{&…}} would insert unescaped HTML and is not allowed; use {{…}}");
            case '#':
                kind = MustacheTagKind.BlockOpen;
                p++;
                break;
            case '^':
                kind = MustacheTagKind.InverseOpen;
                p++;
                break;
            case '/':
                kind = MustacheTagKind.BlockClose;
                p++;
                break;
        }

        var close = FindClose(source, open, p);
        var contentEnd = close > p && source[close - 1] == '~' ? close - 1 : close;
        var content = source[p..contentEnd];
        if (string.IsNullOrWhiteSpace(content))
        {
            throw new TemplateSyntaxException(open, "template.syntax", kind == MustacheTagKind.InverseOpen
                ? "{{^}} is not supported as 'else'; write {{else}}"
                : "Empty tag {{}}");
        }

        if (kind == MustacheTagKind.Expression && IsElse(content, out var afterElse))
        {
            tags.Add(new MustacheTag(MustacheTagKind.Else, open, p + afterElse, content[afterElse..]));
        }
        else
        {
            tags.Add(new MustacheTag(kind, open, p, content));
        }

        return close + 2;
    }

    private static int ScanComment(string source, int open, int bodyStart, string closingDashes, List<MustacheTag> tags)
    {
        // Handlebars.Net ends a long comment only at "--}}" ("--~}}" does not close it), so neither does this.
        var close = source.IndexOf(closingDashes + "}}", bodyStart, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new TemplateSyntaxException(open, "template.unclosed-tag", closingDashes.Length > 0
                ? "Comment {{!-- is never closed with --}}"
                : "Comment {{! is never closed with }}");
        }

        var bodyEnd = close > bodyStart && source[close - 1] == '~' && closingDashes.Length == 0 ? close - 1 : close;
        tags.Add(new MustacheTag(MustacheTagKind.Comment, open, bodyStart, source[bodyStart..Math.Max(bodyStart, bodyEnd)]));
        return close + closingDashes.Length + 2;
    }

    /// <summary>Offset of the closing <c>}}</c>, skipping string literals; a new <c>{{</c> first means this tag was never closed.</summary>
    private static int FindClose(string source, int open, int from)
    {
        char quote = '\0';
        for (var i = from; i < source.Length - 1; i++)
        {
            var c = source[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && source[i + 1] == '}')
            {
                return i;
            }
            else if (c == '{' && source[i + 1] == '{')
            {
                break;
            }
        }

        throw new TemplateSyntaxException(open, "template.unclosed-tag", quote != '\0'
            ? "Tag {{ has a string that is never closed, and the tag is never closed with }}"
            : "Tag {{ is never closed with }}");
    }

    private static bool IsElse(string content, out int afterElse)
    {
        var trimmed = content.TrimStart();
        var leading = content.Length - trimmed.Length;
        afterElse = leading + 4;
        return trimmed.StartsWith("else", StringComparison.Ordinal) && (trimmed.Length == 4 || char.IsWhiteSpace(trimmed[4]));
    }

    private static bool At(string source, int index, string text) =>
        index <= source.Length - text.Length && string.CompareOrdinal(source, index, text, 0, text.Length) == 0;
}
