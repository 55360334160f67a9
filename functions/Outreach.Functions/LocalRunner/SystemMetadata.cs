using System.Text.Json.Nodes;

namespace Outreach.Functions.LocalRunner;

/// <summary>The <c>Metadata.sys</c> object the host adds to every invocation.</summary>
internal static class SystemMetadata
{
    public static JsonObject Create(string function, DateTimeOffset now) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = now.UtcDateTime,
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}
