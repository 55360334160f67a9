namespace Outreach.Core.Accounts;

/// <summary>Scopes as the API spells them: a list of lower-case names (<c>["read","write"]</c>).</summary>
public static class ApiScopeNames
{
    private static readonly (string Name, ApiScopes Scope)[] Names =
        [("read", ApiScopes.Read), ("write", ApiScopes.Write), ("send", ApiScopes.Send), ("admin", ApiScopes.Admin)];

    /// <summary>The names of the scopes set in <paramref name="scopes"/>, in a fixed order.</summary>
    public static IReadOnlyList<string> Format(ApiScopes scopes) => [.. Names.Where(n => (scopes & n.Scope) != 0).Select(n => n.Name)];

    /// <summary>The scopes named in <paramref name="names"/>; <paramref name="fallback"/> when none are given.</summary>
    /// <exception cref="DomainException">A name is not a scope.</exception>
    public static ApiScopes Parse(IEnumerable<string>? names, ApiScopes fallback, string target)
    {
        var result = ApiScopes.None;
        foreach (var name in names ?? [])
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new DomainException("scopes.unknown", "Scopes are read, write, send and admin.", target);
            }

            result |= match.Scope;
        }

        return result == ApiScopes.None ? fallback : result;
    }
}
