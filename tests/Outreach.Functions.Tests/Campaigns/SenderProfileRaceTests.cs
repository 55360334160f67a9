using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Core.Senders;
using Outreach.Functions.Tests.Sending;
using Outreach.Functions.Tests.Support;
using Outreach.Storage.Stores;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// Two edits of one sender profile at once (the profile form and the mailbox form, two tabs), on real Azurite: neither
/// undoes the other, and an edit made on a stale copy with <c>If-Match</c> is refused instead of overwriting.
/// </summary>
public sealed class SenderProfileRaceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly object Account = new { host = "smtp.school.example", port = 587, userName = "sam@school.example", password = "pw", startTls = true };
    private static readonly object Signed = new { firstName = "Sam", email = "sam@school.example", timeZone = "Europe/London", signature = "Sam, MSc 2026" };

    private readonly CampaignsApp _app = CampaignsApp.Start(
        azurite,
        services => services.AddSingleton<ISenderProfileStore>(sp => new InterleavingSenderProfileStore(sp.GetRequiredService<TableStores>().Senders)),
        ("Secrets:CurrentKeyId", "s1"),
        ("Secrets:Keys:s1", Convert.ToBase64String(SendScenario.SecretKey)));

    private InterleavingSenderProfileStore Store => (InterleavingSenderProfileStore)_app.Services.GetRequiredService<ISenderProfileStore>();

    [Fact]
    public async Task A_profile_saved_while_the_mailbox_is_being_set_keeps_both_changes()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        Store.BeforeNextWrite = async () =>
        {
            using var profile = await owner.PutAsJsonAsync("/api/sender", Signed);
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        };

        using var smtp = await owner.PutAsJsonAsync("/api/sender/smtp", Account);

        Assert.Equal(HttpStatusCode.OK, smtp.StatusCode);
        var stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!;
        Assert.Equal(("Sam, MSc 2026", "smtp.school.example"), (stored.Signature, stored.Smtp?.Host));
        var answered = await CampaignsApp.JsonAsync(smtp);
        Assert.Equal("Sam, MSc 2026", answered.GetProperty("signature").GetString());
    }

    [Fact]
    public async Task A_mailbox_set_while_the_profile_is_being_saved_stays_set()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        Store.BeforeNextWrite = async () =>
        {
            using var smtp = await owner.PutAsJsonAsync("/api/sender/smtp", Account);
            Assert.Equal(HttpStatusCode.OK, smtp.StatusCode);
        };

        using var profile = await owner.PutAsJsonAsync("/api/sender", Signed);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!;
        Assert.Equal(("Sam, MSc 2026", "smtp.school.example"), (stored.Signature, stored.Smtp?.Host));
    }

    [Fact]
    public async Task A_save_with_the_etag_of_a_stale_copy_is_refused_with_412_and_changes_nothing()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        using var loaded = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));
        var etag = loaded.Headers.ETag;
        Assert.NotNull(etag);

        // Another tab saves the mailbox; this tab then saves its profile form, filled in on the copy it loaded.
        using (var smtp = await owner.PutAsJsonAsync("/api/sender/smtp", Account))
        {
            Assert.Equal(HttpStatusCode.OK, smtp.StatusCode);
            Assert.NotEqual(etag, smtp.Headers.ETag);
        }

        using var stale = await PutWithIfMatchAsync(owner, etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await CampaignsApp.JsonAsync(stale);
        Assert.Equal(("sender.changed", "If-Match"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        var stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!;
        Assert.Null(stored.Signature);

        // Loaded again, the same change goes through, and answers the new version.
        using var fresh = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));
        using var saved = await PutWithIfMatchAsync(owner, fresh.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(fresh.Headers.ETag, saved.Headers.ETag);
        stored = (await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!;
        Assert.Equal(("Sam, MSc 2026", "smtp.school.example"), (stored.Signature, stored.Smtp?.Host));
    }

    [Fact]
    public async Task Removing_the_mailbox_with_the_etag_of_a_stale_copy_is_refused_and_keeps_it()
    {
        var ownerId = ApiApp.NewId("o");
        using var owner = await _app.OwnerAsync(ownerId);
        using var loaded = await owner.GetAsync(new Uri("/api/sender", UriKind.Relative));
        using (var smtp = await owner.PutAsJsonAsync("/api/sender/smtp", Account))
        {
            Assert.Equal(HttpStatusCode.OK, smtp.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/api/sender/smtp", UriKind.Relative));
        request.Headers.IfMatch.Add(loaded.Headers.ETag!);
        using var delete = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        Assert.NotNull((await _app.Stores.Senders.GetAsync(ownerId, CancellationToken.None))!.Smtp);
    }

    public void Dispose() => _app.Dispose();

    private static async Task<HttpResponseMessage> PutWithIfMatchAsync(HttpClient owner, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/sender", UriKind.Relative)) { Content = JsonContent.Create(Signed) };
        request.Headers.IfMatch.Add(etag);
        return await owner.SendAsync(request);
    }
}
