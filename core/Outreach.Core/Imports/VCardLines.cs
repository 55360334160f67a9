namespace Outreach.Core.Imports;

/// <summary>
/// The logical lines of a vCard file with the physical line each starts on: a line that starts with a space or a tab
/// continues the one before it (RFC 6350 folding; the break and that one character are dropped), and in vCard 2.1 a
/// quoted-printable value that ends with <c>=</c> goes on in the next line (a soft line break), folded or not.
/// </summary>
internal sealed class VCardLines(TextReader reader)
{
    private string? _pending;
    private int _pendingLine;
    private int _line;

    /// <summary>The next logical line and the physical line it starts on; null at the end.</summary>
    public async ValueTask<(int Line, string Text)?> ReadAsync(CancellationToken cancellationToken)
    {
        string? text;
        int start;
        if (_pending is not null)
        {
            (text, start) = (_pending, _pendingLine);
            _pending = null;
        }
        else
        {
            text = await NextAsync(cancellationToken).ConfigureAwait(false);
            start = _line;
        }

        if (text is null)
        {
            return null;
        }

        var logical = new System.Text.StringBuilder(text);
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            if (next.Length > 0 && next[0] is ' ' or '\t')
            {
                if (IsSoftBreak(logical) && !StartsWithHexPair(next.AsSpan(1)))
                {
                    // "=D0=B0=\r\n =B2": a quoted-printable soft line break folded as well (ez-vcard, Samsung phones); the
                    // '=' goes with the break. Followed by two hex digits, it is an escape the fold cut ("=\r\n B0"), kept.
                    logical.Length--;
                }

                logical.Append(next, 1, next.Length - 1);
            }
            else if (IsSoftBreak(logical))
            {
                logical.Length--;
                logical.Append(next);
            }
            else
            {
                (_pending, _pendingLine) = (next, _line);
                break;
            }
        }

        return (start, logical.ToString());
    }

    private async ValueTask<string?> NextAsync(CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is not null)
        {
            _line++;
        }

        return line;
    }

    private static bool StartsWithHexPair(ReadOnlySpan<char> text) => text.Length >= 2 && char.IsAsciiHexDigit(text[0]) && char.IsAsciiHexDigit(text[1]);

    /// <summary>A quoted-printable value (its parameters say so, before the first colon) whose line ends with <c>=</c>.</summary>
    private static bool IsSoftBreak(System.Text.StringBuilder logical)
    {
        if (logical.Length == 0 || logical[^1] != '=')
        {
            return false;
        }

        var text = logical.ToString();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && text.AsSpan(0, colon).Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }
}
