namespace Outreach.Core.Messaging.Templates;

/// <summary>A parsed piece of a tag: a path, a literal, or a call (a whole tag or a subexpression).</summary>
internal abstract record ExpressionNode(int Offset);

/// <summary>A path such as <c>sender.fullName</c>, <c>../firstName</c>, <c>@index</c> or <c>this</c>.</summary>
internal sealed record PathNode(int Offset, string Path) : ExpressionNode(Offset);

/// <summary>A string, number or keyword literal; never looked up.</summary>
internal sealed record LiteralNode(int Offset, string Text) : ExpressionNode(Offset);

/// <summary>
/// A tag's expression or a subexpression: a head (a path, or a helper name when there are arguments),
/// positional arguments, hash arguments and optional block parameters.
/// </summary>
internal sealed record TagExpression(
    int Offset,
    ExpressionNode Head,
    IReadOnlyList<ExpressionNode> Arguments,
    IReadOnlyList<KeyValuePair<string, ExpressionNode>> Hash,
    IReadOnlyList<string> BlockParams) : ExpressionNode(Offset)
{
    /// <summary>True when the tag has anything after its head, so the head must be a helper.</summary>
    public bool IsCall => Arguments.Count > 0 || Hash.Count > 0;
}
