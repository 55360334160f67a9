namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// The context a path is looked up in at one point of a template: what <c>this</c> is, the block parameters in
/// force, and whether <c>@index</c>/<c>@first</c>/<c>@last</c> exist. <c>#each</c> and <c>#with</c> open a new
/// scope (reached back through <c>../</c>); <c>#if</c> and <c>#unless</c> do not.
/// </summary>
internal sealed record TemplateScope(VariableShape Context, TemplateScope? Parent, IReadOnlyDictionary<string, VariableShape> BlockParams, bool InEach)
{
    public static TemplateScope Root { get; } =
        new(TemplateVariables.Root, null, new Dictionary<string, VariableShape>(StringComparer.Ordinal), false);

    public VariableShape? FindBlockParam(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.BlockParams.TryGetValue(name, out var shape))
            {
                return shape;
            }
        }

        return null;
    }
}
