using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Planning;

/// <summary>
/// Deterministic task ids: the same (owner, campaign, contact, step) always gives the same id, so enrolling twice or
/// redelivering a planning message inserts nothing new (the store's insert-if-absent sees the same key).
/// </summary>
public static class TaskIds
{
    /// <summary>The id of a campaign step's task for one contact.</summary>
    public static string ForCampaignStep(string ownerId, string campaignId, string contactId, string stepId) =>
        Hash("step", ownerId, campaignId, contactId, stepId);

    /// <summary>The id of one introduction message to one recipient.</summary>
    public static string ForIntroduction(string ownerId, string introductionId, string stepId, string contactId) =>
        Hash("intro", ownerId, introductionId, stepId, contactId);

    private static string Hash(params string[] parts)
    {
        // Length-prefixing keeps ("a|b","c") and ("a","b|c") apart; 128 bits is plenty inside one owner's partition.
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            ArgumentException.ThrowIfNullOrEmpty(part);
            text.Append(part.Length).Append(':').Append(part).Append(';');
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
