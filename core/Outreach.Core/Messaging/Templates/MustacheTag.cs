namespace Outreach.Core.Messaging.Templates;

/// <summary>What a <c>{{…}}</c> tag does, decided by its first character after the braces.</summary>
internal enum MustacheTagKind
{
    /// <summary><c>{{path}}</c> or <c>{{helper arg…}}</c>: output, HTML-escaped in the html part.</summary>
    Expression,

    /// <summary><c>{{#helper arg…}}</c>.</summary>
    BlockOpen,

    /// <summary><c>{{^path}}</c>: an inverted section.</summary>
    InverseOpen,

    /// <summary><c>{{/helper}}</c>.</summary>
    BlockClose,

    /// <summary><c>{{else}}</c> or <c>{{else if …}}</c>.</summary>
    Else,

    /// <summary><c>{{! … }}</c> or <c>{{!-- … --}}</c>.</summary>
    Comment,
}

/// <summary>
/// One tag found in a template part.
/// </summary>
/// <param name="Kind">What the tag does.</param>
/// <param name="Start">Offset of its opening <c>{{</c>.</param>
/// <param name="ContentStart">Offset of <see cref="Content"/> in the part (after braces, <c>~</c> and the kind character).</param>
/// <param name="Content">The expression inside, without whitespace-control markers.</param>
internal sealed record MustacheTag(MustacheTagKind Kind, int Start, int ContentStart, string Content);
