namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// Why a token was or was not accepted. For logs and metrics only: an endpoint that receives a token must answer
/// every status but <see cref="Valid"/> the same way, so a guesser learns nothing from the answer.
/// </summary>
public enum TokenStatus
{
    /// <summary>Signed by a key in the ring, for the expected purpose, not expired.</summary>
    Valid,

    /// <summary>Malformed, wrong signature, wrong purpose, or altered in any way.</summary>
    Tampered,

    /// <summary>Authentic but past its expiry.</summary>
    Expired,

    /// <summary>Names a key id the ring does not hold (retired, or never issued by us).</summary>
    UnknownKey,
}
