namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// Lower-case RFC 4648 base32 without padding: letters and digits only, so it survives mail systems that
/// lower-case the local part of an address (base64 would not).
/// </summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        // One allocation (the string): contact ids are made for every imported row, so the char[] the text
        // used to be built in showed up in the import profile.
        var length = ((bytes.Length * 8) + 4) / 5;
        var chars = length <= 128 ? stackalloc char[length] : new char[length];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[index++] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars[..index]);
    }
}
