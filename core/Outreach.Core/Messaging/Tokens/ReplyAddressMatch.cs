namespace Outreach.Core.Messaging.Tokens;

/// <summary>The result of reading a reply address: the status, and the reference only when the signature is valid.</summary>
/// <param name="Status"><see cref="TokenStatus.Valid"/>, <see cref="TokenStatus.Tampered"/> (including "not one of ours") or <see cref="TokenStatus.UnknownKey"/>.</param>
/// <param name="Reference">The reference the address was issued for, when valid.</param>
public sealed record ReplyAddressMatch(TokenStatus Status, string? Reference)
{
    /// <summary>True when the reference can be trusted.</summary>
    public bool IsValid => Status == TokenStatus.Valid && Reference is not null;
}
