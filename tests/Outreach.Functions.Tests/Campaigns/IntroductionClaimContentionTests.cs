using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Outreach.Storage;
using Outreach.Storage.Stores;
using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Functions.Tests.Campaigns;

/// <summary>
/// A request whose two people's claim is taken again every time the store clears it (as requests made at the same moment
/// leave them), on the real handler against real Azurite: the introducer gets a 409 saying to ask again, not a 500, and
/// nothing is stored or planned for it; asking again stores it.
/// </summary>
public sealed partial class IntroductionClaimContentionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_request_whose_pair_claim_kept_being_taken_is_refused_with_409_and_asking_again_stores_it()
    {
        var seam = new StaleClaimBeforeBatch(StorageAccount.FromConnectionString(azurite.ConnectionString));
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString, new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(seam)) });
        using var app = CampaignsApp.Start(azurite, services => services.AddSingleton(account));
        using var introducer = await Introducer.CreateAsync(app);
        seam.Table = app.Services.GetRequiredService<IOptions<StoreTableNames>>().Value.Introductions;

        seam.Armed = true;
        using var refused = await introducer.Client.PostAsJsonAsync(
            "/api/introductions", new { personAContactId = introducer.A, personBContactId = introducer.B, personAConsented = true, reason = "you both like pricing" });
        var problem = await CampaignsApp.JsonAsync(refused);
        var storedBetween = await app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None);
        seam.Armed = false;
        var again = await introducer.IntroduceIdAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(("introduction.changed", "personBContactId"), (problem.GetProperty("code").GetString(), problem.GetProperty("target").GetString()));
        Assert.Contains("ask again", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, seam.Landed);
        Assert.Empty(storedBetween);
        Assert.Equal([again], (await app.Stores.Introductions.ListAsync(introducer.OwnerId, CancellationToken.None)).Select(i => i.IntroductionId));
        Assert.Single(await introducer.TasksAsync(), t => t.GetProperty("template").GetString() == "intro_ask");
    }

    /// <summary>
    /// While armed, lands a claim on the pair of each introduction transaction just before it reaches Azurite, naming an
    /// introduction that was never stored; the pair is read from the transaction's own claim row.
    /// </summary>
    private sealed partial class StaleClaimBeforeBatch(StorageAccount plain) : DelegatingHandler(new HttpClientHandler())
    {
        public string Table { get; set; } = "";

        public volatile bool Armed;

        public int Landed { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Armed && request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal) && request.Content is { } content
                && ClaimRow().Match(await content.ReadAsStringAsync(cancellationToken)) is { Success: true } claim)
            {
                var table = plain.GetTable(Table);
                await table.UpsertAsync(
                    new TableEntity(claim.Groups["pk"].Value, claim.Groups["rk"].Value) { ["IntroductionId"] = $"gone{++Landed}" }, TableUpdateMode.Replace, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }

        [GeneratedRegex("""
            "PartitionKey":"(?<pk>[^"]+)","RowKey":"(?<rk>~pair\|[0-9a-f]+)"
            """)]
        private static partial Regex ClaimRow();
    }
}
