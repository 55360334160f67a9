using Azure.Core;

namespace Outreach.Storage.Auth;

/// <summary>
/// The Table service strings-to-sign. Both end in <c>/account/path</c> plus <c>?comp=v</c> only when a
/// <c>comp</c> parameter is present; every other query parameter is ignored by the service.
/// </summary>
internal static class TableStringToSign
{
    public static string Build(Request request, string accountName, string date, TableSharedKeyScheme scheme)
    {
        var resource = "/" + accountName + request.Uri.Path + Comp(request.Uri.Query);
        if (scheme == TableSharedKeyScheme.SharedKeyLite)
        {
            return date + "\n" + resource;
        }

        request.Headers.TryGetValue("Content-MD5", out var md5);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        return $"{request.Method.Method}\n{md5}\n{contentType}\n{date}\n{resource}";
    }

    private static string Comp(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
            {
                return "?comp=" + Uri.UnescapeDataString(pair[5..]);
            }
        }

        return string.Empty;
    }
}
