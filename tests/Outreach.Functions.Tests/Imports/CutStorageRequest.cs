namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// Sits between the app's storage client and real Azurite: once armed, cancels <see cref="Token"/> as soon as the first
/// request that matches has been answered, as a caller leaving (or a process dying) right after that write landed would;
/// whatever the work does next with the token is cut short. Every request reaches Azurite.
/// </summary>
internal sealed class CutStorageRequest(Func<HttpRequestMessage, bool> matches) : DelegatingHandler(new HttpClientHandler())
{
    private CancellationTokenSource _cut = new();
    private int _armed;

    /// <summary>The token the work to cut short runs with.</summary>
    public CancellationToken Token => _cut.Token;

    /// <summary>Whether the matching request was answered and the token cancelled.</summary>
    public bool Cut => _cut.IsCancellationRequested;

    public void Arm()
    {
        _cut = new CancellationTokenSource();
        Volatile.Write(ref _armed, 1);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The storage client's own token is not the one cut: the request that matched completes as the service answered it.
        var response = await base.SendAsync(request, CancellationToken.None);
        if (matches(request) && Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
        {
            await _cut.CancelAsync();
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cut.Dispose();
        }

        base.Dispose(disposing);
    }
}
