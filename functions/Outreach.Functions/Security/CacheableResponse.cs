namespace Outreach.Functions.Security;

/// <summary>
/// Endpoint metadata: the function's answers hold no personal data (the dashboard's page, scripts and styles), so
/// <see cref="NoStoreResponses"/> leaves their caching to the browser as it is.
/// </summary>
internal sealed class CacheableResponse
{
    public static readonly CacheableResponse Instance = new();

    private CacheableResponse()
    {
    }
}
