using System.Net;
using Outreach.Core.Accounts;
using Outreach.Core.Outcomes;
using Outreach.Core.Planning;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Outcomes;

public sealed class CohortSuppressionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string Coach = ApiApp.NewId("coach");
    private readonly OutcomesApp _app = new(azurite, ("Outcomes:CohortCoaches", $"other-coach, {Coach}"));

    [Fact]
    public async Task Unsubscribing_from_one_client_of_a_configured_coach_suppresses_the_address_for_every_consenting_client_only()
    {
        await _app.Api.CreateAccountWithKeyAsync(Coach, AccountKind.Coach);
        var (clientA, clientB, outsider, revoked) = (ApiApp.NewId("a"), ApiApp.NewId("b"), ApiApp.NewId("x"), ApiApp.NewId("r"));
        foreach (var owner in new[] { clientA, clientB, outsider, revoked })
        {
            await _app.CreateOwnerAsync(owner);
        }

        await _app.Api.Accounts.GrantConsentAsync(clientA, Coach, ApiScopes.Read, CancellationToken.None);
        await _app.Api.Accounts.GrantConsentAsync(clientB, Coach, ApiScopes.Read, CancellationToken.None);
        await _app.Api.Accounts.GrantConsentAsync(revoked, Coach, ApiScopes.Read, CancellationToken.None);
        await _app.Api.Accounts.RevokeConsentAsync(revoked, Coach, CancellationToken.None);
        var seeded = await _app.SeedAsync(clientA, $"jane.{Guid.NewGuid().ToString("N")[..8]}@contoso.com");
        var token = OutcomesApp.UnsubscribeToken(clientA, seeded.ContactId);
        using var client = _app.Client();

        using var response = await client.PostAsync(new Uri("/api/unsubscribe/" + token, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(seeded.Contact.EmailKey!))], await KeysAsync(clientB));
        Assert.Equal([$"contact:{seeded.ContactId}", $"email:{seeded.Contact.EmailKey}"], await KeysAsync(clientA));
        Assert.Empty(await KeysAsync(outsider));
        Assert.Empty(await KeysAsync(revoked));
    }

    [Fact]
    public async Task Erasing_an_unsubscribed_contact_leaves_its_address_in_no_cohort_members_suppression_list()
    {
        var (clientA, clientB, keyA, seeded) = await TwoClientsOfTheCoachAsync();
        using var anonymous = _app.Client();
        using var unsubscribed = await anonymous.PostAsync(new Uri("/api/unsubscribe/" + OutcomesApp.UnsubscribeToken(clientA, seeded.ContactId), UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);

        using var owner = _app.Client(keyA);
        using var erased = await owner.DeleteAsync(new Uri($"/api/contacts/{seeded.ContactId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var hashed = SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(seeded.Contact.EmailKey!));
        Assert.Equal([$"contact:{seeded.ContactId}", hashed], await KeysAsync(clientA));
        Assert.Equal([hashed], await KeysAsync(clientB));
    }

    [Fact]
    public async Task Erasing_a_contact_hashes_a_cohort_members_copy_of_its_address_stored_in_plain_text_before_copies_were_hashed()
    {
        var (clientA, clientB, keyA, seeded) = await TwoClientsOfTheCoachAsync();
        foreach (var ownerId in new[] { clientA, clientB })
        {
            await _app.Stores.Suppressions.AddAsync(SuppressionEntry.ForEmail(ownerId, seeded.Contact.Email!, "unsubscribed", OutcomesApp.SentUtc), CancellationToken.None);
        }

        using var owner = _app.Client(keyA);
        using var erased = await owner.DeleteAsync(new Uri($"/api/contacts/{seeded.ContactId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal([SuppressionEntry.EmailHashKey(DedupeKeys.Sha256Hex(seeded.Contact.EmailKey!))], await KeysAsync(clientB));
    }

    /// <summary>Two clients consenting reads to the cohort coach, and a contact seeded for the first (with its key).</summary>
    private async Task<(string ClientA, string ClientB, string KeyA, Seeded Seeded)> TwoClientsOfTheCoachAsync()
    {
        await _app.Api.CreateAccountWithKeyAsync(Coach, AccountKind.Coach);
        var (clientA, clientB) = (ApiApp.NewId("a"), ApiApp.NewId("b"));
        var keyA = await _app.CreateOwnerAsync(clientA);
        await _app.CreateOwnerAsync(clientB);
        await _app.Api.Accounts.GrantConsentAsync(clientA, Coach, ApiScopes.Read, CancellationToken.None);
        await _app.Api.Accounts.GrantConsentAsync(clientB, Coach, ApiScopes.Read, CancellationToken.None);
        var seeded = await _app.SeedAsync(clientA, $"jane.{Guid.NewGuid().ToString("N")[..8]}@contoso.com");
        return (clientA, clientB, keyA, seeded);
    }

    public void Dispose() => _app.Dispose();

    private async Task<IEnumerable<string>> KeysAsync(string ownerId) =>
        (await _app.Stores.Suppressions.ListAsync(ownerId, CancellationToken.None)).Select(s => s.Key);
}
