using Outreach.Core.Messaging.Templates;

namespace Outreach.Functions.Templates;

/// <summary>Where a template comes from: shipped with Outreach, or the owner's own (which replaces the default of its kind).</summary>
internal static class TemplateOrigins
{
    public const string Default = "default";
    public const string Owner = "owner";
}

/// <summary>One entry of <c>GET /api/templates</c>; <see cref="InUse"/> marks the one the owner's messages of that kind are rendered with.</summary>
internal sealed record TemplateSummary(string Name, string Title, string Origin, bool InUse);

/// <summary><c>GET /api/templates</c>.</summary>
internal sealed record TemplateListResponse(IReadOnlyList<TemplateSummary> Templates);

/// <summary>A template as <c>GET|PUT /api/templates/{name}</c> show it; <see cref="Name"/> is its kind's wire name.</summary>
internal sealed record TemplateResponse(string Name, string Title, string Origin, string Subject, string Text, string Html)
{
    public static TemplateResponse Of(MessageTemplate template, string origin) =>
        new(template.Kind.ToName(), template.Name, origin, template.Subject, template.Text, template.Html);
}

/// <summary>Body of <c>PUT /api/templates/{name}</c>; <see cref="Title"/> defaults to the shipped template's title.</summary>
internal sealed record SaveTemplateRequest(string? Title, string? Subject, string? Text, string? Html);

/// <summary>The three parts of an inline template (preview of a template not saved yet).</summary>
internal sealed record TemplateParts(string? Subject, string? Text, string? Html);

/// <summary>
/// Body of <c>POST /api/templates/preview</c>: a stored template by <see cref="Name"/>, or an inline <see cref="Template"/>
/// of <see cref="Kind"/> (default <c>thank_you</c>); for one of the owner's contacts (<see cref="ContactId"/>), or, for
/// an introduction template (<c>intro_ask</c>, <c>intro</c>, <c>nudge</c>), one of the owner's introductions
/// (<see cref="IntroductionId"/>), rendered to whom and with what the workflow sends it.
/// </summary>
internal sealed record PreviewTemplateRequest(string? Name, TemplateParts? Template, string? ContactId, string? IntroductionId = null, string? Kind = null);

/// <summary>
/// A rendered message: what <c>POST /api/templates/preview</c> and <c>GET /api/tasks/{id}/draft</c> answer.
/// <see cref="Warnings"/> lists what saving the template would refuse although it renders (a subject that is blank
/// for a contact without some value, <c>template.subject-may-be-empty</c>), so its author learns before saving, or
/// learns that a template saved before that rule leaves holes for some contacts; empty when there is nothing to say.
/// </summary>
internal sealed record RenderedResponse(string Subject, string Text, string Html, IReadOnlyList<TemplateProblemResponse> Warnings)
{
    public static RenderedResponse Of(RenderedMessage message, MessageTemplate template) =>
        new(message.Subject, message.Text, message.Html, TemplateValidator.FindSubjectHole(template) is { } hole ? [TemplateProblemResponse.Of(hole)] : []);
}

/// <summary>One problem of a rejected template, as listed in the 400 answer; <see cref="Suggestion"/> is the known variable an unknown one most likely meant.</summary>
internal sealed record TemplateProblemResponse(string Code, string? Variable, string Part, int Line, int Column, string Message, string? Suggestion = null)
{
    public static TemplateProblemResponse Of(TemplateProblem problem) =>
        new(problem.Code, problem.Name, problem.PartName, problem.Line, problem.Column, problem.Message, problem.Suggestion);
}
