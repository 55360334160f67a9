using Azure.Core;

namespace Outreach.Storage.Http;

/// <summary>Builds resource URLs under a service endpoint, path-style (Azurite) or host-style (Azure) alike.</summary>
internal static class Endpoints
{
    /// <summary><c>endpoint/name</c>, whether or not the endpoint ends in a slash (host-style ones have path "/").</summary>
    public static Uri Child(Uri endpoint, string name) => new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + name);

    /// <summary>A request URL: <paramref name="baseUri"/> plus an already-escaped path suffix (may be empty).</summary>
    public static RequestUriBuilder Address(Uri baseUri, string escapedSuffix)
    {
        var uri = new RequestUriBuilder();
        uri.Reset(baseUri);
        if (escapedSuffix.Length > 0)
        {
            uri.AppendPath(escapedSuffix, escape: false);
        }

        return uri;
    }
}
