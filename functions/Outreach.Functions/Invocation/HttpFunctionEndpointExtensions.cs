namespace Outreach.Functions.Invocation;

/// <summary><c>group.MapGet("/health", ...).AsFunction("Health")</c> pairs an endpoint with <c>functions/Health/function.json</c>.</summary>
internal static class HttpFunctionEndpointExtensions
{
    public static TBuilder AsFunction<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpFunctionMetadata(name));
}
