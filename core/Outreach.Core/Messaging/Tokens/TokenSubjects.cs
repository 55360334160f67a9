using System.Security.Cryptography;
using System.Text;

namespace Outreach.Core.Messaging.Tokens;

/// <summary>
/// How a token names its contact: by contact id, or by a hash of the email key when there is no contact record
/// (so the address itself never travels in a URL).
/// </summary>
public static class TokenSubjects
{
    /// <summary><c>c:</c> + the contact id.</summary>
    public static string ForContact(string contactId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        return "c:" + contactId;
    }

    /// <summary><c>e:</c> + the first 128 bits of SHA-256 of the trimmed, lower-cased address, in hex.</summary>
    public static string ForEmail(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return "e:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
