using System.Text.Json;

namespace Outreach.Functions.Tests.Support;

/// <summary>Checks a successful invocation body has the host's shape and nothing the host would try as base64.</summary>
internal static class InvocationResponseAssert
{
    public static void HasHostShape(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.True(body.TryGetProperty("ReturnValue", out var returnValue));
        Assert.Contains(returnValue.ValueKind, new[] { JsonValueKind.Null, JsonValueKind.Object });
        foreach (var output in body.GetProperty("Outputs").EnumerateObject())
        {
            // The host runs every output string through Convert.FromBase64String first; only objects are safe.
            var values = output.Value.ValueKind == JsonValueKind.Array ? output.Value.EnumerateArray().ToList() : [output.Value];
            Assert.All(values, v => Assert.Equal(JsonValueKind.Object, v.ValueKind));
        }
    }
}
