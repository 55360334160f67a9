using System.Security.Cryptography;
using System.Text;
using Outreach.Storage.Blobs;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Blobs;

[Collection(AzuriteGroup.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private const int BlockSize = 64 * 1024;

    private readonly StorageAccount _account = TestAccounts.For(azurite);

    private static byte[] Bytes(int size, byte value) => Enumerable.Repeat(value, size).ToArray();

    private async Task<BlobContainerClient> NewContainerAsync(StorageAccount? account = null)
    {
        var container = (account ?? _account).GetBlobContainer(TestAccounts.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Fact]
    public async Task Create_is_idempotent_and_delete_reports_whether_it_existed()
    {
        var container = _account.GetBlobContainer(TestAccounts.UniqueName("c"));

        Assert.True(await container.CreateIfNotExistsAsync());
        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True(await container.DeleteContainerAsync());
        Assert.False(await container.DeleteContainerAsync());
    }

    [Fact]
    public async Task A_small_blob_uploads_in_one_request_and_downloads_equal()
    {
        var container = await NewContainerAsync();
        var bytes = Encoding.UTF8.GetBytes("First Name,Last Name\nZoë,O'Brien\n");

        Assert.True(await container.UploadAsync("imports/Zoë 東京.csv", new MemoryStream(bytes), "text/csv"));

        Assert.Equal(bytes, await ReadAllAsync((await container.OpenReadAsync("imports/Zoë 東京.csv"))!));
        var listed = Assert.Single(await container.ListAsync().ToListAsync());
        Assert.Equal("imports/Zoë 東京.csv", listed.Name);
        Assert.Equal(bytes.Length, listed.Size);
        Assert.Equal("text/csv", listed.ContentType);
    }

    [Fact]
    public async Task A_large_blob_uploads_in_blocks_and_downloads_equal()
    {
        var options = TestAccounts.FastRetries();
        options.BlobBlockSize = 4 * 1024 * 1024;
        var recorder = new RequestRecorder();
        options.AddPolicy(recorder, Azure.Core.HttpPipelinePosition.PerCall);
        var container = await NewContainerAsync(TestAccounts.For(azurite, options));
        var bytes = RandomNumberGenerator.GetBytes(9 * 1024 * 1024 + 17);

        Assert.True(await container.UploadAsync("model/artifact.bin", new TrickleStream(bytes), "application/octet-stream"));

        Assert.Equal(
            ["PUT ?restype=container", "PUT ?comp=block&blockid=MDAwMDAw", "PUT ?comp=block&blockid=MDAwMDAx", "PUT ?comp=block&blockid=MDAwMDAy", "PUT ?comp=blocklist"],
            recorder.Requests);

        var downloaded = new MemoryStream();
        Assert.True(await container.DownloadToAsync("model/artifact.bin", downloaded));
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(downloaded.ToArray()));
        Assert.Equal(bytes.Length, Assert.Single(await container.ListAsync("model/").ToListAsync()).Size);
    }

    [Fact]
    public async Task Conditional_create_returns_false_and_keeps_the_first_blob()
    {
        var options = TestAccounts.FastRetries();
        options.BlobBlockSize = 64 * 1024;
        var container = await NewContainerAsync(TestAccounts.For(azurite, options));
        await container.UploadAsync("claim", new MemoryStream([1, 2, 3]), "application/octet-stream", overwrite: false);

        var small = await container.UploadAsync("claim", new MemoryStream([9]), "application/octet-stream", overwrite: false);
        var large = await container.UploadAsync("claim", new MemoryStream(new byte[200 * 1024]), "application/octet-stream", overwrite: false);
        var overwritten = await container.UploadAsync("claim", new MemoryStream([7]), "application/octet-stream");

        Assert.False(small);
        Assert.False(large);
        Assert.True(overwritten);
        Assert.Equal(new byte[] { 7 }, await ReadAllAsync((await container.OpenReadAsync("claim"))!));
    }

    [Fact]
    public async Task A_replace_if_match_writes_only_over_the_version_it_read()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("record", new MemoryStream([1]), "application/json");
        var read = await container.DownloadIfChangedAsync("record", knownETag: null);
        var stale = await container.DownloadIfChangedAsync("record", knownETag: null);

        var first = await container.UploadIfMatchAsync("record", new MemoryStream([2]), "application/json", read.ETag!.Value);
        var second = await container.UploadIfMatchAsync("record", new MemoryStream([3]), "application/json", stale.ETag!.Value);
        await container.DeleteAsync("record");
        var afterDelete = await container.UploadIfMatchAsync("record", new MemoryStream([4]), "application/json", read.ETag!.Value);

        Assert.NotNull(first);
        Assert.Null(second); // the blob changed since it was read: nothing written
        Assert.Null(afterDelete);
        Assert.Null(await container.OpenReadAsync("record")); // not created by a conditional replace
    }

    [Fact]
    public async Task A_streamed_read_carries_the_version_it_read_for_a_replace_if_match()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("record", new MemoryStream([1]), "application/json");

        var (content, etag) = (await container.OpenReadVersionedAsync("record"))!.Value;
        var bytes = await ReadAllAsync(content);

        var replaced = await container.UploadIfMatchAsync("record", new MemoryStream([2]), "application/json", etag!.Value);
        var staleReplace = await container.UploadIfMatchAsync("record", new MemoryStream([3]), "application/json", etag.Value);

        Assert.Equal(new byte[] { 1 }, bytes);
        Assert.Equal((true, false), (replaced is not null, staleReplace is not null));
        Assert.Equal(new byte[] { 2 }, await ReadAllAsync((await container.OpenReadAsync("record"))!));
        Assert.Null(await container.OpenReadVersionedAsync("missing"));
    }

    [Theory]
    [InlineData(16)] // one Put Blob
    [InlineData(3 * BlockSize + 5)] // Put Block calls committed by one Put Block List
    public async Task Each_write_returns_the_version_it_wrote_so_the_next_replace_needs_no_read(int size)
    {
        var options = TestAccounts.FastRetries();
        options.BlobBlockSize = BlockSize;
        var container = await NewContainerAsync(TestAccounts.For(azurite, options));
        var written = await container.UploadVersionedAsync("record", new MemoryStream(Bytes(size, 1)), "application/json");

        var replaced = await container.UploadIfMatchAsync("record", new MemoryStream(Bytes(size, 2)), "application/json", written);
        var again = await container.UploadIfMatchAsync("record", new MemoryStream(Bytes(size, 3)), "application/json", replaced!.Value);
        var overFirst = await container.UploadIfMatchAsync("record", new MemoryStream(Bytes(size, 4)), "application/json", written);
        var (content, stored) = (await container.OpenReadVersionedAsync("record"))!.Value;

        Assert.NotEqual(written, replaced.Value);
        Assert.NotNull(again);
        Assert.Null(overFirst); // the version the first write answered with is no longer the blob's
        Assert.Equal(again, stored); // the ETag a write returns is the one a read of what it wrote sees
        Assert.Equal(Bytes(size, 3), await ReadAllAsync(content));
    }

    [Fact]
    public async Task Listing_follows_continuation_markers_and_filters_by_prefix()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 7; i++)
        {
            await container.UploadAsync($"runs/{i:D2}.json", new MemoryStream([(byte)i]), "application/json");
        }

        await container.UploadAsync("other.txt", new MemoryStream([1]), "text/plain");

        var names = await container.ListAsync("runs/", pageSize: 2).Select(b => b.Name).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"runs/{i:D2}.json"), names);
    }

    [Fact]
    public async Task Missing_blobs_read_as_null_and_delete_if_exists_is_idempotent()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("x", new MemoryStream([1]), "application/octet-stream");

        Assert.Null(await container.OpenReadAsync("nothing"));
        Assert.False(await container.DownloadToAsync("nothing", new MemoryStream()));
        Assert.True(await container.DeleteIfExistsAsync("x"));
        Assert.False(await container.DeleteIfExistsAsync("x"));
        var error = await Assert.ThrowsAsync<StorageRequestException>(() => container.DeleteAsync("x"));
        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Blob_requests_with_a_wrong_key_fail_with_one_line()
    {
        var account = StorageAccount.FromConnectionString(
            azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
            TestAccounts.FastRetries());

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => account.GetBlobContainer(TestAccounts.UniqueName("c")).CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal($"Azure Storage rejected the account key for devstoreaccount1 (403 {error.ErrorCode})", error.Message);
    }

    /// <summary>A non-seekable stream that returns short reads, like a network upload.</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 100_000), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
