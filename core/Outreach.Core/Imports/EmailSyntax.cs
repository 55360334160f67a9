namespace Outreach.Core.Imports;

/// <summary>
/// A practical email syntax check for imported addresses (span based, no regex): one <c>@</c>, a non-empty
/// local part without spaces or specials, a dotted domain of letter/digit/hyphen labels and a top-level domain
/// of at least two letters. It never fixes a value: a broken address is reported, not guessed at.
/// </summary>
internal static class EmailSyntax
{
    /// <summary>Why <paramref name="email"/> is not a usable address, or null when it is.</summary>
    public static string? Problem(ReadOnlySpan<char> email)
    {
        var at = email.IndexOf('@');
        if (at < 0)
        {
            return "has no @";
        }

        if (email[(at + 1)..].IndexOf('@') >= 0)
        {
            return "has more than one @";
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.IsEmpty)
        {
            return "has nothing before the @";
        }

        if (domain.IsEmpty)
        {
            return "has nothing after the @";
        }

        if (local.Length > 64)
        {
            return "has a part before the @ longer than 64 characters";
        }

        if (local[0] == '.' || local[^1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return "has a misplaced dot before the @";
        }

        foreach (var c in local)
        {
            if (c <= ' ' || c == 0x7F || "()<>[]:;,\\\"".Contains(c) || char.IsWhiteSpace(c))
            {
                return c == ' ' || char.IsWhiteSpace(c) ? "contains a space" : $"contains '{c}' before the @";
            }
        }

        return DomainProblem(domain);
    }

    private static string? DomainProblem(ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (lastDot < 0)
        {
            return "has no dot in the domain";
        }

        var labelStart = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                var c = domain[i];
                if (c <= ' ' || char.IsWhiteSpace(c))
                {
                    return "contains a space";
                }

                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 0x7F && (char.IsLetterOrDigit(c) || TextCleaner.IsCombiningMark(c)))))
                {
                    return $"contains '{c}' in the domain";
                }

                continue;
            }

            var label = domain[labelStart..i];
            if (label.IsEmpty)
            {
                return i == domain.Length ? "ends with a dot" : "has an empty part in the domain";
            }

            if (label[0] == '-' || label[^1] == '-' || label.Length > 63)
            {
                return "has a malformed domain part";
            }

            labelStart = i + 1;
        }

        var tld = domain[(lastDot + 1)..];
        if (tld.Length < 2)
        {
            return "has a top-level domain shorter than two letters";
        }

        // A top-level domain in its ASCII form (xn--p1ai for .рф) carries digits; any other with one is a typo.
        if (!tld.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && tld.IndexOfAnyInRange('0', '9') >= 0)
        {
            return "has digits in the top-level domain";
        }

        return null;
    }
}
