using System.Security.Cryptography;
using System.Text;

namespace Outreach.Storage.Auth;

/// <summary>HMAC-SHA256 over a string-to-sign with the decoded account key: <c>SharedKey account:signature</c>.</summary>
internal sealed class SharedKeySigner
{
    private readonly byte[] _key;

    public SharedKeySigner(string accountName, string base64Key)
    {
        AccountName = accountName;
        _key = Convert.FromBase64String(base64Key);
    }

    public string AccountName { get; }

    public string Sign(string stringToSign)
    {
        var byteCount = Encoding.UTF8.GetByteCount(stringToSign);
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(stringToSign, rented);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, rented.AsSpan(0, written), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
