namespace Outreach.Functions.Hosting;

/// <summary>One entry of a function.json <c>bindings</c> array (the keys the three trigger types and their outputs use).</summary>
internal sealed class BindingDefinition
{
    public string Name { get; init; } = "";

    public string Type { get; init; } = "";

    public string Direction { get; init; } = "";

    public string? DataType { get; init; }

    public string? QueueName { get; init; }

    public string? Connection { get; init; }

    public string? Schedule { get; init; }

    public bool RunOnStartup { get; init; }

    public bool UseMonitor { get; init; } = true;

    public string? Route { get; init; }

    public IReadOnlyList<string>? Methods { get; init; }

    public string? AuthLevel { get; init; }

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    public bool IsOutput => string.Equals(Direction, "out", StringComparison.OrdinalIgnoreCase);

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The host hands <c>dataType: binary</c> values to the handler as base64.</summary>
    public bool IsBinary => string.Equals(DataType, "binary", StringComparison.OrdinalIgnoreCase);
}
