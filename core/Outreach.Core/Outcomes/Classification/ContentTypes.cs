namespace Outreach.Core.Outcomes;

/// <summary>Reads the parts of Content-Type the classifier needs.</summary>
internal static class ContentTypes
{
    /// <summary>Whether Content-Type is <c>multipart/report</c> with the given <c>report-type</c> (quoted or not).</summary>
    public static bool IsReport(MailHeaders headers, string reportType)
    {
        if (headers.Get("Content-Type") is not { } contentType)
        {
            return false;
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        return parts[0].Equals("multipart/report", StringComparison.OrdinalIgnoreCase)
            && parts.Skip(1).Any(p =>
            {
                var eq = p.IndexOf('=', StringComparison.Ordinal);
                return eq > 0
                    && p[..eq].Trim().Equals("report-type", StringComparison.OrdinalIgnoreCase)
                    && p[(eq + 1)..].Trim().Trim('"').Equals(reportType, StringComparison.OrdinalIgnoreCase);
            });
    }
}
