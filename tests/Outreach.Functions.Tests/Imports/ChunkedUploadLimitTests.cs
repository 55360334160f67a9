using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Outreach.Functions.Tests.Support;
using Outreach.Testing.LocalServices;
using static Outreach.Functions.Tests.Imports.ImportFiles;

namespace Outreach.Functions.Tests.Imports;

/// <summary>
/// An upload sent without a length (chunked), past <c>Limits:MaxUploadBytes</c>, on real Kestrel: the server cuts the body
/// off while it streams, and the 413 names the upload limit, not the general request limit.
/// </summary>
public sealed class ChunkedUploadLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly (ApiApp App, Uri Address) _server = ApiApp.StartOnLoopback(azurite, ("Limits:MaxUploadBytes", "65536"));

    public void Dispose() => _server.App.Dispose();

    [Fact]
    public async Task A_chunked_body_past_the_upload_limit_is_a_413_naming_the_upload_limit()
    {
        using var client = await ClientAsync("chunk");
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(NumberedPeople(5000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        await AssertUploadLimitAsync(client, content);
    }

    [Fact]
    public async Task A_chunked_form_past_the_upload_limit_is_a_413_naming_the_upload_limit()
    {
        using var client = await ClientAsync("chunkf");
        using var form = new MultipartFormDataContent { { new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(NumberedPeople(5000)))), "file", "big.csv" } };

        await AssertUploadLimitAsync(client, form);
    }

    private async Task<HttpClient> ClientAsync(string prefix)
    {
        var key = await _server.App.CreateAccountWithKeyAsync(ApiApp.NewId(prefix));
        var client = new HttpClient { BaseAddress = _server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task AssertUploadLimitAsync(HttpClient client, HttpContent content)
    {
        using var response = await client.PostAsync(new Uri("api/imports", UriKind.Relative), content);
        var problem = await JsonAsync(response);

        Assert.Null(content.Headers.ContentLength); // sent chunked
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(("Limits:MaxUploadBytes", 65536), (problem.GetProperty("limit").GetString(), problem.GetProperty("limitValue").GetInt32()));
        Assert.Empty(await ContactsAsync(client));
    }

    /// <summary>A body whose length the client cannot know, so it is sent chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
