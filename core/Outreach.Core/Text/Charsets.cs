using System.Text;

namespace Outreach.Core.Text;

/// <summary>The encodings that charset names in mail headers (RFC 2047) and vCard 2.1 values stand for.</summary>
public static class Charsets
{
    /// <summary>
    /// The encoding <paramref name="name"/> names (<c>utf-8</c>, <c>iso-8859-1</c>, and the Windows code pages older mail
    /// and phones write, <c>windows-1252</c>; quotes around it allowed), or null when it is empty, names none known here,
    /// or names one .NET has switched off (UTF-7, which it refuses with <see cref="NotSupportedException"/>).
    /// </summary>
    public static Encoding? Find(string? name)
    {
        var trimmed = name?.Trim().Trim('"').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed) ?? Encoding.GetEncoding(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
