using System.Buffers;

namespace Outreach.Core.Imports;

/// <summary>
/// Canonical LinkedIn profile URLs: <c>https://www.linkedin.com/in/handle</c> with the handle lower-cased and
/// percent-decoded then re-encoded, query, fragment and trailing slash dropped. Accepts a missing scheme,
/// <c>http://</c>, no <c>www.</c>, country subdomains (<c>uk.linkedin.com</c>) and the mobile site's <c>/mwlite/in/</c>; anything that is not a
/// personal profile (a company page, a post, another site) is refused with a reason.
/// </summary>
internal static class LinkedInProfileUrl
{
    private const string Canonical = "https://www.linkedin.com/in/";

    /// <summary>The longest profile name (the handle after /in/) LinkedIn gives or lets a member choose.</summary>
    private const int MaxHandleLength = 100;

    /// <summary>Normalises <paramref name="url"/> (already trimmed, non-empty).</summary>
    /// <param name="url">The cell value.</param>
    /// <param name="canonical">The canonical URL when the result is null.</param>
    /// <returns>Why the value is not a LinkedIn profile URL, or null on success.</returns>
    public static string? TryNormalise(string url, out string? canonical)
    {
        canonical = null;

        // Fast path: already canonical (the usual case for a LinkedIn export) costs no allocation.
        if (url.StartsWith(Canonical, StringComparison.Ordinal) && url.Length - Canonical.Length <= MaxHandleLength && IsPlainLowerHandle(url.AsSpan(Canonical.Length)))
        {
            canonical = url;
            return null;
        }

        var rest = url.AsSpan();
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[8..];
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[7..];
        }
        else if (rest.Contains("://", StringComparison.Ordinal))
        {
            return "is not an http(s) URL";
        }

        var slash = rest.IndexOfAny('/', '?', '#');
        var host = slash < 0 ? rest : rest[..slash];
        var colon = host.IndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        if (!IsLinkedInHost(host))
        {
            return "is not a linkedin.com URL";
        }

        var path = slash < 0 ? [] : rest[slash..];
        var end = path.IndexOfAny('?', '#');
        if (end >= 0)
        {
            path = path[..end];
        }

        // LinkedIn's lightweight mobile site serves the same profile under /mwlite/in/handle.
        if (path.StartsWith("/mwlite/in/", StringComparison.OrdinalIgnoreCase))
        {
            path = path["/mwlite".Length..];
        }

        if (!path.StartsWith("/in/", StringComparison.OrdinalIgnoreCase))
        {
            return "is a LinkedIn URL but not a profile (/in/...)";
        }

        var handle = path[4..];
        var next = handle.IndexOf('/');
        if (next >= 0)
        {
            // /in/handle/ and /in/handle/en (a language version) are the same profile; /in/handle/details/... too.
            handle = handle[..next];
        }

        if (handle.IsEmpty)
        {
            return "has no profile name after /in/";
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(handle.ToString());
        }
        catch (UriFormatException)
        {
            return "has a malformed percent-encoded profile name";
        }

        if (decoded.Length > MaxHandleLength)
        {
            return $"has a profile name longer than the {MaxHandleLength} characters LinkedIn allows";
        }

        foreach (var c in decoded)
        {
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || TextCleaner.IsCombiningMark(c)))
            {
                return $"has '{c}' in the profile name";
            }
        }

        canonical = Canonical + Uri.EscapeDataString(decoded.ToLowerInvariant());
        return null;
    }

    private static bool IsLinkedInHost(ReadOnlySpan<char> host)
    {
        if (host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var sub = host[..^".linkedin.com".Length];
        foreach (var c in sub)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return sub.Length is > 0 and <= 3;
    }

    private static readonly SearchValues<char> PlainHandleCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    private static bool IsPlainLowerHandle(ReadOnlySpan<char> handle) =>
        !handle.IsEmpty && handle.IndexOfAnyExcept(PlainHandleCharacters) < 0;
}
