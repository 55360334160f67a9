using System.Text.RegularExpressions;

namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// Splits a tag's content into tokens with Handlebars' rules: identifiers may hold any character except
/// whitespace and <c>!"#%&amp;'()*+,./;&lt;=&gt;@[\]^`{|}~</c>, path segments are joined by <c>.</c> or <c>/</c>,
/// <c>[…]</c> is a literal segment, <c>key=value</c> is a hash argument and <c>as |a b|</c> declares block parameters.
/// </summary>
internal static partial class ExpressionTokenizer
{
    public static List<ExpressionToken> Tokenize(string content, int baseOffset)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(')
            {
                tokens.Add(new ExpressionToken(ExpressionTokenKind.OpenParen, baseOffset + i, "("));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new ExpressionToken(ExpressionTokenKind.CloseParen, baseOffset + i, ")"));
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = content.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw new TemplateSyntaxException(baseOffset + i, "template.syntax", "String literal is never closed");
                }

                tokens.Add(new ExpressionToken(ExpressionTokenKind.String, baseOffset + i, content[(i + 1)..end]));
                i = end + 1;
            }
            else if (c == '|')
            {
                throw new TemplateSyntaxException(baseOffset + i, "template.syntax", "Block parameters must follow 'as', as in 'as |item|'");
            }
            else
            {
                i = ReadWord(content, i, baseOffset, tokens);
            }
        }

        return tokens;
    }

    private static int ReadWord(string content, int start, int baseOffset, List<ExpressionToken> tokens)
    {
        if (IsAsKeyword(content, start, out var paramsStart))
        {
            var close = content.IndexOf('|', paramsStart + 1);
            if (close < 0)
            {
                throw new TemplateSyntaxException(baseOffset + paramsStart, "template.syntax", "Block parameters 'as |…' are never closed with '|'");
            }

            var names = content[(paramsStart + 1)..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0 || names.Any(n => !SimpleIdentifier().IsMatch(n)))
            {
                throw new TemplateSyntaxException(baseOffset + paramsStart, "template.syntax", "Block parameters must be simple names, as in 'as |item index|'");
            }

            tokens.Add(new ExpressionToken(ExpressionTokenKind.BlockParams, baseOffset + start, "as", names));
            return close + 1;
        }

        var i = start;
        while (i < content.Length)
        {
            var c = content[i];
            if (c == '[')
            {
                var close = content.IndexOf(']', i + 1);
                if (close < 0)
                {
                    throw new TemplateSyntaxException(baseOffset + i, "template.syntax", "Path segment '[' is never closed with ']'");
                }

                i = close + 1;
            }
            else if (char.IsWhiteSpace(c) || c is '(' or ')' or '"' or '\'' or '=' or '|' or '}')
            {
                break;
            }
            else
            {
                i++;
            }
        }

        var word = content[start..i];
        if (word.Length == 0)
        {
            throw new TemplateSyntaxException(baseOffset + start, "template.syntax", $"Unexpected '{content[start]}'");
        }

        if (i < content.Length && content[i] == '=')
        {
            if (!SimpleIdentifier().IsMatch(word))
            {
                throw new TemplateSyntaxException(baseOffset + start, "template.syntax", $"'{word}' is not a valid argument name");
            }

            tokens.Add(new ExpressionToken(ExpressionTokenKind.HashKey, baseOffset + start, word));
            return i + 1;
        }

        var kind = Number().IsMatch(word) || word is "true" or "false" or "null" or "undefined"
            ? ExpressionTokenKind.Literal
            : ExpressionTokenKind.Path;
        tokens.Add(new ExpressionToken(kind, baseOffset + start, word));
        return i;
    }

    private static bool IsAsKeyword(string content, int start, out int paramsStart)
    {
        paramsStart = -1;
        if (string.CompareOrdinal(content, start, "as", 0, 2) != 0 || start + 2 >= content.Length || !char.IsWhiteSpace(content[start + 2]))
        {
            return false;
        }

        var p = start + 2;
        while (p < content.Length && char.IsWhiteSpace(content[p]))
        {
            p++;
        }

        paramsStart = p;
        return p < content.Length && content[p] == '|';
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$-]*$")]
    private static partial Regex SimpleIdentifier();
}
