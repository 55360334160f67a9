using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;

namespace Outreach.Storage.Tables;

/// <summary>
/// Reads a 202 multipart transaction response: either one <c>HTTP/1.1 2xx</c> part with an ETag per action, or a
/// single error part whose odata.error message starts with the failing action's index (<c>"1:…"</c>).
/// </summary>
internal static partial class TableBatchResponse
{
    public sealed record Failure(int Status, string? Code, string? Message, int? Index);

    public static (IReadOnlyList<ETag> ETags, Failure? Failure) Read(string body)
    {
        var etags = new List<ETag>();
        var parts = StatusLine().Matches(body);
        for (var i = 0; i < parts.Count; i++)
        {
            var status = int.Parse(parts[i].Groups["status"].Value, CultureInfo.InvariantCulture);
            var end = i + 1 < parts.Count ? parts[i + 1].Index : body.Length;
            var part = body.AsSpan(parts[i].Index, end - parts[i].Index).ToString();
            if (status >= 400)
            {
                return (etags, ReadFailure(status, part));
            }

            var etag = ETagHeader().Match(part);
            etags.Add(etag.Success ? new ETag(etag.Groups["etag"].Value.Trim()) : default);
        }

        return (etags, null);
    }

    private static Failure ReadFailure(int status, string part)
    {
        var json = part.IndexOf('{', StringComparison.Ordinal);
        var close = part.LastIndexOf('}');
        string? code = null, message = null;
        if (json >= 0 && close > json)
        {
            try
            {
                using var document = JsonDocument.Parse(part.AsMemory(json, close - json + 1));
                var error = document.RootElement.GetProperty("odata.error");
                code = error.GetProperty("code").GetString();
                message = error.GetProperty("message").GetProperty("value").GetString();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Fall through with what we have: the status still says what happened.
            }
        }

        var index = message is null ? null : IndexPrefix().Match(message) is { Success: true } m
            ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        var firstLine = message?.Split('\n')[0].Trim();
        return new Failure(status, code, firstLine, index);
    }

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^ETag:\s*(?<etag>.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ETagHeader();

    [GeneratedRegex(@"^(?<index>\d+):")]
    private static partial Regex IndexPrefix();
}
