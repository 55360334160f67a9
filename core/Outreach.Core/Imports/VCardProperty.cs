using System.Globalization;
using System.Text;
using Outreach.Core.Text;

namespace Outreach.Core.Imports;

/// <summary>
/// One content line of a vCard (<c>item1.EMAIL;TYPE=work,pref:ada@example.org</c>): its name without the group, its
/// parameters, and its value decoded (quoted-printable or base64 in the charset it names, as vCard 2.1 writes them).
/// Escapes (<c>\n \, \; \\</c>) are undone by <see cref="Components"/> and <see cref="Text"/>, which know the value's shape.
/// </summary>
internal sealed class VCardProperty
{
    private readonly List<(string Name, string Value)> _parameters;

    private VCardProperty(string name, List<(string Name, string Value)> parameters, string value)
    {
        Name = name;
        _parameters = parameters;
        Value = value;
    }

    /// <summary>The property's name, upper-cased, without its group (<c>EMAIL</c>).</summary>
    public string Name { get; }

    /// <summary>The value as decoded, escapes still in it.</summary>
    public string Value { get; }

    /// <summary>Parses a logical line; null when it is not a property (no colon, or no name before it).</summary>
    public static VCardProperty? Parse(string line)
    {
        var colon = ValueStart(line);
        if (colon <= 0)
        {
            return null;
        }

        var head = line[..colon].Split(';');
        var name = head[0];
        var dot = name.LastIndexOf('.');
        name = (dot >= 0 ? name[(dot + 1)..] : name).Trim().ToUpperInvariant();
        if (name.Length == 0)
        {
            return null;
        }

        var parameters = new List<(string, string)>(head.Length - 1);
        foreach (var parameter in head.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);

            // vCard 2.1 writes bare types (EMAIL;INTERNET;PREF) and bare encodings (;QUOTED-PRINTABLE).
            parameters.Add(equals < 0
                ? (IsEncoding(parameter) ? "ENCODING" : "TYPE", parameter.Trim().ToUpperInvariant())
                : (parameter[..equals].Trim().ToUpperInvariant(), parameter[(equals + 1)..].Trim().Trim('"')));
        }

        return new VCardProperty(name, parameters, Decode(line[(colon + 1)..], parameters));
    }

    /// <summary>Whether a TYPE parameter lists <paramref name="type"/> (<c>TYPE=work,pref</c>, <c>TYPE=PREF</c>, bare <c>PREF</c>), or it is a PREF parameter.</summary>
    public bool HasType(string type) =>
        _parameters.Any(p =>
            (p.Name == "TYPE" && p.Value.Split(',').Any(t => t.Trim().Equals(type, StringComparison.OrdinalIgnoreCase)))
            || (p.Name == "PREF" && type.Equals("pref", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The value of parameter <paramref name="name"/> (upper-case), or null.</summary>
    public string? Parameter(string name) => _parameters.FirstOrDefault(p => p.Name == name).Value;

    /// <summary>The value's components (split at unescaped <paramref name="separator"/>), each unescaped and trimmed.</summary>
    public IReadOnlyList<string> Components(char separator = ';')
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        for (var i = 0; i < Value.Length; i++)
        {
            var c = Value[i];
            if (c == '\\' && i + 1 < Value.Length)
            {
                part.Append(Unescape(Value[++i]));
            }
            else if (c == separator)
            {
                parts.Add(part.ToString().Trim());
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        parts.Add(part.ToString().Trim());
        return parts;
    }

    /// <summary>
    /// The values of component <paramref name="index"/> of a structured value, split at unescaped commas, each unescaped and
    /// trimmed, empty ones left out: N's given names are its component 1 (<c>N:Stevenson;John;Philip,Paul;Dr.;Jr.</c>,
    /// RFC 6350 6.2.2). Empty when the value has no such component.
    /// </summary>
    public IReadOnlyList<string> ValuesOf(int index)
    {
        var values = new List<string>();
        var value = new StringBuilder();
        var component = 0;
        for (var i = 0; i <= Value.Length && component <= index; i++)
        {
            var c = i < Value.Length ? Value[i] : ';';
            if (c == '\\' && i + 1 < Value.Length)
            {
                i++;
                if (component == index)
                {
                    value.Append(Unescape(Value[i]));
                }
            }
            else if (c is ';' or ',')
            {
                if (component == index && value.ToString().Trim() is { Length: > 0 } text)
                {
                    values.Add(text);
                }

                value.Clear();
                component += c == ';' ? 1 : 0;
            }
            else if (component == index)
            {
                value.Append(c);
            }
        }

        return values;
    }

    /// <summary>The value as one text, unescaped (a note's <c>\n</c> becomes a line break).</summary>
    public string Text() => Components(separator: '\0')[0];

    private static char Unescape(char escaped) => escaped is 'n' or 'N' ? '\n' : escaped;

    /// <summary>Where the value starts: after the first colon outside a quoted parameter value.</summary>
    private static int ValueStart(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsEncoding(string parameter) =>
        parameter.Trim().ToUpperInvariant() is "QUOTED-PRINTABLE" or "BASE64" or "B" or "8BIT" or "7BIT";

    private static string Decode(string value, List<(string Name, string Value)> parameters)
    {
        var encoding = parameters.FirstOrDefault(p => p.Name == "ENCODING").Value?.ToUpperInvariant();
        if (encoding is not ("QUOTED-PRINTABLE" or "BASE64" or "B"))
        {
            return value;
        }

        var charset = CharsetOf(parameters.FirstOrDefault(p => p.Name == "CHARSET").Value);
        byte[] bytes;
        if (encoding == "QUOTED-PRINTABLE")
        {
            bytes = QuotedPrintable(value);
        }
        else
        {
            try
            {
                bytes = Convert.FromBase64String(value.Trim());
            }
            catch (FormatException)
            {
                return string.Empty; // not text after all (a broken photo, say): nothing to import from it
            }
        }

        return charset.GetString(bytes);
    }

    /// <summary>The charset a vCard 2.1 value names (often a Windows code page); UTF-8 when it names none or one unknown here.</summary>
    private static Encoding CharsetOf(string? name) => Charsets.Find(name) ?? Encoding.UTF8;

    private static byte[] QuotedPrintable(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '=' && i + 2 < value.Length
                && byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else if (value[i] < 0x80)
            {
                bytes.Add((byte)value[i]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
