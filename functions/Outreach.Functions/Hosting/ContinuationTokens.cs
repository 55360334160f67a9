using System.Buffers.Text;
using System.Text.Json;
using Outreach.Core;

namespace Outreach.Functions.Hosting;

/// <summary>
/// The <c>continuation</c> tokens of the paged list endpoints: where the next page starts, as URL-safe base64 of its
/// JSON, opaque to the caller. A token the endpoint did not hand out is a 400 naming <c>continuation</c>.
/// </summary>
internal static class ContinuationTokens
{
    /// <summary>The token of <paramref name="position"/>.</summary>
    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, JsonSerializerOptions.Web));

    /// <summary>The position <paramref name="token"/> names, or null for no token (the first page).</summary>
    /// <param name="token">The caller's token.</param>
    /// <param name="isValid">Whether a decoded position is one this endpoint hands out.</param>
    /// <param name="code">The error code of a bad token.</param>
    /// <param name="message">Why a bad token is refused.</param>
    /// <exception cref="DomainException">Not a token this endpoint handed out (target <c>continuation</c>).</exception>
    public static T? Decode<T>(string? token, Func<T, bool> isValid, string code, string message)
        where T : class
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(token), JsonSerializerOptions.Web) is { } position && isValid(position)
                ? position
                : throw new DomainException(code, message, "continuation");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new DomainException(code, message, "continuation");
        }
    }
}
