namespace Outreach.Core.Sending;

/// <summary>Links into the app from what it sends (unsubscribe, consent), under <see cref="SendingOptions.PublicBaseUrl"/>.</summary>
public static class PublicUrls
{
    /// <summary>
    /// <paramref name="relative"/> (<c>api/...</c>) under the app's root <paramref name="appBaseUrl"/>, whose path is kept
    /// with or without a final slash: resolved against <c>https://school.example/outreach</c> as it stands, a relative
    /// path would replace "outreach" and every link in every message would lead nowhere.
    /// </summary>
    public static Uri Under(Uri appBaseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(appBaseUrl);
        var root = appBaseUrl.AbsolutePath.EndsWith('/') ? appBaseUrl : new Uri(appBaseUrl.GetLeftPart(UriPartial.Path) + "/");
        return new Uri(root, relative);
    }
}
