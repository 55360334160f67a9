using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Outreach.Core.Text;

namespace Outreach.Core.Outcomes;

/// <summary>
/// Decodes RFC 2047 encoded words (<c>=?charset?B|Q?text?=</c>) in unstructured headers such as Subject and
/// display names. Adjacent encoded words are joined without the whitespace between them (RFC 2047 6.2), and
/// their bytes are decoded together so a UTF-8 character split across two words survives. A word in an
/// unknown charset or with broken encoding is left as written.
/// </summary>
public static partial class EncodedWords
{
    /// <summary>Decodes every encoded word in a header value.</summary>
    public static string Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains("=?", StringComparison.Ordinal))
        {
            return value ?? string.Empty;
        }

        var output = new StringBuilder(value.Length);
        var pending = new List<byte>();
        Encoding? pendingEncoding = null;
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value.AsSpan(position, word.Index - position);
            var adjacent = pendingEncoding is not null && between.IsWhiteSpace();
            var encoding = GetEncoding(word.Groups["charset"].Value);
            var bytes = encoding is null ? null : DecodeBytes(word.Groups["encoding"].Value, word.Groups["text"].Value);
            if (bytes is null)
            {
                FlushPending();
                output.Append(between).Append(word.Value);
                position = word.Index + word.Length;
                continue;
            }

            if (!adjacent || !Equals(encoding, pendingEncoding))
            {
                FlushPending();
                if (!adjacent)
                {
                    output.Append(between);
                }
            }

            pending.AddRange(bytes);
            pendingEncoding = encoding;
            position = word.Index + word.Length;
        }

        FlushPending();
        output.Append(value.AsSpan(position));
        return output.ToString();

        void FlushPending()
        {
            if (pendingEncoding is not null)
            {
                output.Append(pendingEncoding.GetString([.. pending]));
            }

            pending.Clear();
            pendingEncoding = null;
        }
    }

    // RFC 2231 allows a language suffix: =?utf-8*en?Q?...?=
    private static Encoding? GetEncoding(string charset) => Charsets.Find(charset.Split('*')[0]);

    private static byte[]? DecodeBytes(string encoding, string text)
    {
        if (encoding is "B" or "b")
        {
            var buffer = new byte[(text.Length * 3 / 4) + 3];
            return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '=' && i + 2 < text.Length
                && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (c > 0x7F)
            {
                return null;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<encoding>[BbQq])\?(?<text>[^?\s]*)\?=", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedWord();
}
