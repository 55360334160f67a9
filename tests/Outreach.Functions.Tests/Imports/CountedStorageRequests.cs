namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Sits between the app's storage client and real Azurite and counts the requests that reach it, by method and decoded
/// path: how many reads and writes a piece of work really cost, with Azurite answering every one.
/// </summary>
internal sealed class CountedStorageRequests() : DelegatingHandler(new HttpClientHandler())
{
    private readonly List<(HttpMethod Method, string Path)> _requests = [];

    /// <summary>How many requests since the last <see cref="Clear"/> had <paramref name="method"/> and a path that <paramref name="path"/> accepts.</summary>
    public int Count(HttpMethod method, Func<string, bool> path)
    {
        lock (_requests)
        {
            return _requests.Count(r => r.Method == method && path(r.Path));
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add((request.Method, Uri.UnescapeDataString(request.RequestUri!.AbsolutePath)));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
