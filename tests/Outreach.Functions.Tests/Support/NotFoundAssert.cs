using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.Functions.Tests.Support;

/// <summary>Checks that another owner's resource is answered exactly like a missing one, so nobody learns it exists.</summary>
internal static class NotFoundAssert
{
    public static Task SameAsync(HttpResponseMessage others, HttpResponseMessage missing) => AllSameAsync(missing, others);

    /// <summary>Each of <paramref name="others"/> is the same 404 as <paramref name="missing"/> (whose body is read once).</summary>
    public static async Task AllSameAsync(HttpResponseMessage missing, params HttpResponseMessage[] others)
    {
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var expected = Without(await missing.Content.ReadFromJsonAsync<JsonElement>(), "traceId");
        foreach (var response in others)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(missing.Content.Headers.ContentType?.ToString(), response.Content.Headers.ContentType?.ToString());
            // traceId differs per request; everything else is identical.
            Assert.Equal(expected, Without(await response.Content.ReadFromJsonAsync<JsonElement>(), "traceId"));
        }
    }

    private static string Without(JsonElement problem, string property) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value.ToString()));
}
