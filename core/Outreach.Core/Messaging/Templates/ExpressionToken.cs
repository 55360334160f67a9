namespace Outreach.Core.Messaging.Templates;

/// <summary>The kinds of token inside a tag.</summary>
internal enum ExpressionTokenKind
{
    /// <summary>A path or helper name: <c>firstName</c>, <c>sender.fullName</c>, <c>../x</c>, <c>@index</c>, <c>this</c>.</summary>
    Path,

    /// <summary>A quoted string (text without quotes).</summary>
    String,

    /// <summary>A number, or <c>true</c>, <c>false</c>, <c>null</c>, <c>undefined</c>.</summary>
    Literal,

    /// <summary><c>(</c>: a subexpression starts.</summary>
    OpenParen,

    /// <summary><c>)</c>.</summary>
    CloseParen,

    /// <summary><c>key=</c> of a hash argument (text is the key).</summary>
    HashKey,

    /// <summary><c>as |a b|</c> block parameters (<see cref="ExpressionToken.Names"/>).</summary>
    BlockParams,
}

/// <summary>One token inside a tag, with its offset in the template part.</summary>
internal sealed record ExpressionToken(ExpressionTokenKind Kind, int Offset, string Text, IReadOnlyList<string>? Names = null);
