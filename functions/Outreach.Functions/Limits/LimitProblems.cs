namespace Outreach.Functions.Limits;

/// <summary>The 413 and 429 answers, each naming the limit that was hit and the setting that controls it.</summary>
internal static class LimitProblems
{
    public static ProblemDetailsContext TooLarge(HttpContext context, long limitBytes, string setting) => new()
    {
        HttpContext = context,
        ProblemDetails =
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request body is too large.",
            Detail = $"This endpoint accepts at most {limitBytes} bytes ({setting}).",
            Extensions = { ["limit"] = setting, ["limitValue"] = limitBytes },
        },
    };

    public static ProblemDetailsContext TooManyRequests(HttpContext context, int perMinute, string setting, string per) => new()
    {
        HttpContext = context,
        ProblemDetails =
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests.",
            Detail = $"At most {perMinute} requests per minute are allowed {per} ({setting}).",
            Extensions = { ["limit"] = setting, ["limitValue"] = perMinute },
        },
    };
}
