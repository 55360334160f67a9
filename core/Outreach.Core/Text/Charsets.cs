using System.Text;

namespace Outreach.Core.Text;

/// <summary>The encodings that charset names in mail headers (RFC 2047) and vCard 2.1 values stand for.</summary>
public static class Charsets
{
    /// <summary>
    /// The encoding <paramref name="name"/> names (<c>utf-8</c>, <c>iso-8859-1</c>, and the Windows code pages older mail
    /// and phones write, <c>windows-1252</c>), or null when it is empty or names none known here.
    /// </summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name.Trim()) ?? Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
