using Outreach.Core.Accounts;

namespace Outreach.Functions.Security;

/// <summary>Whose data a request may touch: <see cref="OwnerId"/>, reached by <see cref="Caller"/> (the owner, their coach, or an admin).</summary>
internal sealed record OwnerScope(string OwnerId, Principal Caller)
{
    /// <summary>True when the caller acts on someone else's data (a coach for a client, or an admin).</summary>
    public bool OnBehalf => !string.Equals(OwnerId, Caller.AccountId, StringComparison.Ordinal);
}
