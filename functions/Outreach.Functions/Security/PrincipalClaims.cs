using System.Globalization;
using System.Security.Claims;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>How a verified <see cref="Principal"/> travels on <see cref="HttpContext.User"/>, and how it is read back.</summary>
internal static class PrincipalClaims
{
    public const string AccountIdClaim = ClaimTypes.NameIdentifier;
    public const string KindClaim = "outreach:kind";
    public const string ScopesClaim = "outreach:scopes";
    public const string KeyIdClaim = "outreach:key";

    public static ClaimsPrincipal Create(Principal principal, string keyId, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(AccountIdClaim, principal.AccountId),
                new Claim(KindClaim, principal.Kind.ToString()),
                new Claim(ScopesClaim, ((int)principal.Scopes).ToString(CultureInfo.InvariantCulture)),
                new Claim(KeyIdClaim, keyId),
            ],
            scheme));

    /// <summary>The caller, or null when the request carried no verified key.</summary>
    public static Principal? Read(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true }
            || user.FindFirstValue(AccountIdClaim) is not { } accountId
            || !Enum.TryParse<AccountKind>(user.FindFirstValue(KindClaim), out var kind)
            || !int.TryParse(user.FindFirstValue(ScopesClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var scopes))
        {
            return null;
        }

        return new Principal(accountId, kind, (ApiScopes)scopes);
    }

    /// <summary>The id of the key the caller used, or null for anonymous requests.</summary>
    public static string? KeyId(ClaimsPrincipal? user) => user?.FindFirstValue(KeyIdClaim);
}
