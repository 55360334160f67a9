using System.Globalization;
using System.Text;

namespace Outreach.Storage.Stores;

/// <summary>
/// Makes any id safe inside a PartitionKey or RowKey, reversibly: <c>/ \ # ?</c>, control characters, the <c>|</c>
/// the stores use to join key parts, and <c>%</c> itself become <c>%XX</c>. Ids without those characters (hex task ids,
/// importer ids) are stored unchanged, so keys stay readable in Storage Explorer.
/// </summary>
internal static class TableKeyCodec
{
    /// <summary>The separator between parts of one key; never appears inside an encoded part.</summary>
    public const char Separator = '|';

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(MustEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] != '%')
            {
                builder.Append(encoded[i]);
            }
            else if (i + 2 < encoded.Length && int.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                throw new FormatException($"'{encoded}' is not an encoded key part: '%' must be followed by two hex digits.");
            }
        }

        return builder.ToString();
    }

    /// <summary>Encodes each part and joins them with <see cref="Separator"/>.</summary>
    public static string Join(params ReadOnlySpan<string> parts)
    {
        var encoded = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            encoded[i] = Encode(parts[i]);
        }

        return string.Join(Separator, encoded);
    }

    /// <summary>Splits a key made by <see cref="Join"/> into exactly <paramref name="count"/> decoded parts.</summary>
    public static string[] Split(string key, int count)
    {
        var parts = key.Split(Separator);
        if (parts.Length != count)
        {
            throw new FormatException($"Key '{key}' has {parts.Length} parts separated by '{Separator}', expected {count}.");
        }

        return Array.ConvertAll(parts, Decode);
    }

    private static bool MustEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' or Separator || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';
}
