namespace Outreach.Functions.Campaigns;

/// <summary>
/// A sender profile's version as an HTTP entity tag (<c>ETag</c> of <c>GET|PUT /api/sender</c>) and the check of an
/// <c>If-Match</c> against it: <c>*</c> matches any stored profile, otherwise one of the listed tags must be the
/// profile's (compared as opaque strings, weak or not, as the store's own version is).
/// </summary>
internal static class SenderVersionTag
{
    /// <summary>The header value for <paramref name="version"/>: kept as is when already an entity tag, quoted otherwise.</summary>
    public static string Header(string version) =>
        version.StartsWith('"') || version.StartsWith("W/\"", StringComparison.Ordinal) ? version : $"\"{version}\"";

    /// <summary>True when <paramref name="ifMatch"/> names <paramref name="version"/> (null: no profile is stored).</summary>
    public static bool Matches(string ifMatch, string? version)
    {
        if (version is null)
        {
            return false;
        }

        var current = Opaque(Header(version));
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*" || string.Equals(Opaque(tag), current, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
