using System.Text;
using System.Text.RegularExpressions;

namespace Outreach.Functions.Tests.Isolation;

/// <summary>
/// Sends each <see cref="Probe"/> as one caller twice: with the victim's real ids and with "twins" (ids of the same
/// shape that name nothing). A probe leaks when the victim version answers other than expected, answers differently
/// from the twin version (status, content type or body once ids are put back to their tokens), or echoes victim data.
/// </summary>
internal sealed partial class IsolationWalker(HttpClient caller, IReadOnlyDictionary<string, string> victimIds, IReadOnlyList<string> victimMarkers)
{
    private readonly IReadOnlyDictionary<string, string> _twinIds = victimIds.ToDictionary(id => id.Key, id => Twin(id.Value));

    /// <summary>What is wrong with the answers to <paramref name="probe"/>, or null when it leaks nothing.</summary>
    public async Task<string?> FindLeakAsync(string function, Probe probe)
    {
        var (victimStatus, victimType, victimBody) = await SendAsync(probe, victimIds);
        var (twinStatus, twinType, twinBody) = await SendAsync(probe, _twinIds);
        var where = $"{function}: {probe}";
        if (victimStatus != (int)probe.Expected)
        {
            return $"{where} answered {victimStatus} (expected {(int)probe.Expected}): {victimBody}";
        }

        if ((victimStatus, victimType, victimBody) != (twinStatus, twinType, twinBody))
        {
            return $"{where} answers another owner's ids ({victimStatus} {victimType} {victimBody}) differently from missing ones ({twinStatus} {twinType} {twinBody})";
        }

        var echoed = victimMarkers.Where(marker => victimBody.Contains(marker, StringComparison.OrdinalIgnoreCase)).ToList();
        return echoed.Count > 0 ? $"{where} echoes the other owner's data: {string.Join(", ", echoed)}" : null;
    }

    /// <summary>
    /// The same shape with the last six characters moved within their class (digit, hex letter, other letter), so a
    /// route that checks the id's format treats the twin like the real id.
    /// </summary>
    public static string Twin(string id) =>
        string.Concat(id.Select((c, i) => i < id.Length - 6 ? c : Shift(c)));

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(Probe probe, IReadOnlyDictionary<string, string> ids)
    {
        using var request = new HttpRequestMessage(probe.Method, Fill(probe.Path, ids))
        {
            Content = probe.Body is null ? null : new StringContent(Fill(probe.Body, ids), Encoding.UTF8, probe.ContentType),
        };
        using var response = await caller.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, Tokenize(TraceId().Replace(body, string.Empty), ids));
    }

    /// <summary><paramref name="text"/> with each <c>{token}</c> replaced by its id.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> ids) =>
        ids.Aggregate(text, (filled, id) => filled.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));

    // Longest first, so an id that contains another (a task id built from a contact id) is replaced whole.
    private static string Tokenize(string text, IReadOnlyDictionary<string, string> ids) =>
        ids.OrderByDescending(id => id.Value.Length)
            .Aggregate(text, (tokenized, id) => tokenized.Replace(id.Value, "{" + id.Key + "}", StringComparison.Ordinal));

    private static char Shift(char c) => c switch
    {
        >= '0' and <= '9' => (char)('0' + ((c - '0' + 5) % 10)),
        >= 'a' and <= 'f' => (char)('a' + ((c - 'a' + 3) % 6)),
        >= 'g' and <= 'z' => (char)('g' + ((c - 'g' + 7) % 20)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    };

    [GeneratedRegex("\"traceId\":\"[^\"]*\",?")]
    private static partial Regex TraceId();
}
