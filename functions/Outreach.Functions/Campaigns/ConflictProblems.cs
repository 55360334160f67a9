using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// 409 answers: the request is well formed but the resource's state forbids it (a read-only campaign, a task no longer
/// pending, an introduction that moved on). Same shape as the 400s <c>ProblemExceptionHandler</c> writes: code and target.
/// </summary>
internal static class ConflictProblems
{
    public static ProblemHttpResult Of(string code, string title, string target) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["target"] = target });

    public static ProblemHttpResult Of(DomainException e) => Of(e.Code, e.Message, e.Target ?? "state");
}
