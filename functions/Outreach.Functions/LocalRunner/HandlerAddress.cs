using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Outreach.Functions.LocalRunner;

/// <summary>The handler's own address, where the runner sends invocations as the host would (loopback, plain HTTP).</summary>
internal static class HandlerAddress
{
    private static readonly string[] AnyHost = ["0.0.0.0", "[::]", "::", "+", "*", "localhost"];

    public static Uri Resolve(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"The local trigger runner calls the handler over plain HTTP, but it listens on [{string.Join(", ", addresses)}].");
        var authority = address["http://".Length..].TrimEnd('/');
        var colon = authority.LastIndexOf(':');
        var host = authority[..colon];
        var port = int.Parse(authority[(colon + 1)..], CultureInfo.InvariantCulture);
        return new Uri($"http://{(AnyHost.Contains(host) ? "127.0.0.1" : host)}:{port}/");
    }
}
