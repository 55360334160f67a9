using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core.Messaging.Templates;
using Outreach.Functions.Limits;

namespace Outreach.Functions.Templates;

/// <summary>The two ways a submitted template is refused: 400 listing every problem, 413 naming the size limit.</summary>
internal static class TemplateAnswers
{
    public const string SizeSetting = "Limits:MaxTemplateBytes";

    /// <summary>400: every problem found, each with its variable (when it names one), part, line and column.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<TemplateProblem> problems) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The template cannot be saved.",
        detail: string.Join(" ", problems.Select(p => p.Message)),
        extensions: new Dictionary<string, object?>
        {
            ["code"] = "template.invalid",
            ["problems"] = problems.Select(TemplateProblemResponse.Of).ToArray(),
        });

    /// <summary>413 when the three parts together weigh more than <see cref="LimitsOptions.MaxTemplateBytes"/> (UTF-8).</summary>
    public static ProblemHttpResult? TooLarge(HttpContext context, MessageTemplate template, LimitsOptions limits)
    {
        var bytes = (long)System.Text.Encoding.UTF8.GetByteCount(template.Subject)
            + System.Text.Encoding.UTF8.GetByteCount(template.Text)
            + System.Text.Encoding.UTF8.GetByteCount(template.Html);
        return bytes > limits.MaxTemplateBytes
            ? TypedResults.Problem(LimitProblems.TooLarge(context, limits.MaxTemplateBytes, SizeSetting).ProblemDetails)
            : null;
    }
}
