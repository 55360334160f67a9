namespace Outreach.Core.Messaging.Templates;

/// <summary>
/// The variables a template may use. Anything else is rejected when the template is saved, so a typo
/// (<c>{{frstName}}</c>) is caught in the editor instead of sending "Hi ," to a professional.
/// <see cref="TemplateModel"/> fills exactly these names.
/// </summary>
public static class TemplateVariables
{
    // A person's fields: the recipient's at top level ({{firstName}}), and in groups for the people of an introduction.
    private static readonly (string Name, VariableShape Shape)[] PersonFields =
    [
        ("firstName", VariableShape.Value),
        ("lastName", VariableShape.Value),
        ("fullName", VariableShape.Value),
        ("company", VariableShape.Value),
        ("position", VariableShape.Value),
        ("linkedInUrl", VariableShape.Value),
    ];

    private static readonly VariableShape Person = VariableShape.Object(PersonFields);

    private static readonly VariableShape Meeting = VariableShape.Object(("name", VariableShape.Value), ("metOn", VariableShape.Value));

    // Person A or B of an introduction: a person, where the introducer met them (so the note can say how the introducer
    // knows each one), and on the message to both of them their own unsubscribe link.
    private static readonly VariableShape IntroducedPerson = VariableShape.Object(
        [.. PersonFields, ("unsubscribeUrl", VariableShape.Value), ("event", Meeting)]);

    internal static VariableShape Root { get; } = VariableShape.Object(
    [
        .. PersonFields,
        ("topic", VariableShape.Value),
        ("notes", VariableShape.Value),
        ("offer", VariableShape.Value),
        ("tags", VariableShape.ListOf(VariableShape.Value)),
        ("unsubscribeUrl", VariableShape.Value),
        ("sender", VariableShape.Object(
            ("firstName", VariableShape.Value),
            ("lastName", VariableShape.Value),
            ("fullName", VariableShape.Value),
            ("email", VariableShape.Value),
            ("signature", VariableShape.Value),
            ("school", VariableShape.Value),
            ("program", VariableShape.Value))),
        ("event", Meeting),
        ("introducer", Person),
        ("personA", IntroducedPerson),
        ("personB", IntroducedPerson),
        ("reason", VariableShape.Value),
        ("consentUrl", VariableShape.Value),
    ]);

    /// <summary>Every variable path a template may print, e.g. <c>firstName</c>, <c>sender.fullName</c>, <c>event.metOn</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Root.Paths()];

    /// <summary>The helpers a template may call: <c>default</c> inline, and the block helpers.</summary>
    public static IReadOnlyList<string> Helpers { get; } = ["default", "if", "unless", "each", "with"];
}
