using System.Text;
using Azure.Core;

namespace Outreach.Storage.Auth;

/// <summary>
/// The Shared Key string-to-sign for the Blob and Queue services (2015-02-21+): verb, the twelve standard
/// header slots (Content-Length empty when 0, Date empty because x-ms-date is used), the sorted <c>x-ms-*</c>
/// headers, then <c>/account/path</c> and the query parameters (names lowercased and sorted, values decoded).
/// </summary>
internal static class BlobQueueStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public static string Build(Request request, string accountName)
    {
        var text = new StringBuilder(256);
        text.Append(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            text.Append(name == "Content-Length" ? ContentLength(request) : Header(request, name)).Append('\n');
        }

        AppendMsHeaders(text, request);
        text.Append('/').Append(accountName).Append(request.Uri.Path);
        foreach (var (name, value) in CanonicalQuery(request.Uri.Query))
        {
            text.Append('\n').Append(name).Append(':').Append(value);
        }

        return text.ToString();
    }

    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static void AppendMsHeaders(StringBuilder text, Request request)
    {
        var headers = new List<(string Name, string Value)>(8);
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add((header.Name.ToLowerInvariant(), header.Value.Trim()));
            }
        }

        headers.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static SortedDictionary<string, string> CanonicalQuery(string query)
    {
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = new List<string>(1);
            }

            values.Add(value);
        }

        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            canonical[name] = string.Join(',', values);
        }

        return canonical;
    }
}
