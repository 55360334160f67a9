namespace Outreach.Core.Messaging.Templates;

/// <summary>What a template variable holds: a printable value, an object with named members, or a list.</summary>
internal sealed class VariableShape
{
    private VariableShape(VariableShapeKind kind, IReadOnlyDictionary<string, VariableShape>? members, VariableShape? item)
    {
        Kind = kind;
        Members = members ?? new Dictionary<string, VariableShape>(StringComparer.Ordinal);
        Item = item;
    }

    public static VariableShape Value { get; } = new(VariableShapeKind.Value, null, null);

    public VariableShapeKind Kind { get; }

    public IReadOnlyDictionary<string, VariableShape> Members { get; }

    public VariableShape? Item { get; }

    public static VariableShape Object(params (string Name, VariableShape Shape)[] members) =>
        new(VariableShapeKind.Object, members.ToDictionary(m => m.Name, m => m.Shape, StringComparer.Ordinal), null);

    public static VariableShape ListOf(VariableShape item) => new(VariableShapeKind.List, null, item);

    /// <summary>Every printable path below this shape (<c>sender.fullName</c>, …), for documentation and tests.</summary>
    public IEnumerable<string> Paths(string prefix = "")
    {
        foreach (var (name, shape) in Members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var path = prefix + name;
            if (shape.Kind == VariableShapeKind.Object)
            {
                foreach (var inner in shape.Paths(path + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}

/// <summary>The kinds of <see cref="VariableShape"/>.</summary>
internal enum VariableShapeKind
{
    Value,
    Object,
    List,
}
