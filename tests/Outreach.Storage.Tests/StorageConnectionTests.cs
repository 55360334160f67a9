namespace Outreach.Storage.Tests;

public sealed class StorageConnectionTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Development_storage_points_at_azurite_default_ports_path_style()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(Key, connection.AccountKey);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
    }

    [Fact]
    public void Full_form_splits_pairs_on_the_first_equals_so_keys_ending_in_equals_survive()
    {
        var connection = StorageConnection.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1/;" +
            "TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;");

        Assert.Equal(Key, connection.AccountKey);
        Assert.Equal("http://127.0.0.1:41000/devstoreaccount1", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41001/devstoreaccount1", connection.QueueEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41002/devstoreaccount1", connection.TableEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Cloud_form_with_endpoint_suffix_gives_host_style_https_urls()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=outreachprod;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("https://outreachprod.blob.core.windows.net/", connection.BlobEndpoint.AbsoluteUri);
        Assert.Equal("https://outreachprod.queue.core.windows.net/", connection.QueueEndpoint.AbsoluteUri);
        Assert.Equal("https://outreachprod.table.core.windows.net/", connection.TableEndpoint.AbsoluteUri);
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var text = StorageConnection.Parse("UseDevelopmentStorage=true").ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccountKey=" + Key + ";EndpointSuffix=core.windows.net", "Invalid Azure Storage connection string: it is missing AccountName.")]
    [InlineData("AccountName=acct;EndpointSuffix=core.windows.net", "Invalid Azure Storage connection string: it is missing AccountKey.")]
    [InlineData("AccountName=acct;AccountKey=not-base64!;EndpointSuffix=core.windows.net", "Invalid Azure Storage connection string: the AccountKey for acct is not valid base64.")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";Colour=blue", "Invalid Azure Storage connection string: unknown key 'Colour' (expected one of UseDevelopmentStorage, DefaultEndpointsProtocol, AccountName, AccountKey, EndpointSuffix, BlobEndpoint, QueueEndpoint, TableEndpoint, FileEndpoint).")]
    [InlineData("AccountName=acct;AccountKey=" + Key, "Invalid Azure Storage connection string: it names no blob endpoint: give EndpointSuffix (e.g. core.windows.net) or BlobEndpoint.")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";QueueEndpoint=http://127.0.0.1:1/acct", "Invalid Azure Storage connection string: it names no blob endpoint: give EndpointSuffix (e.g. core.windows.net) or BlobEndpoint.")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=127.0.0.1:10000", "Invalid Azure Storage connection string: BlobEndpoint '127.0.0.1:10000' is not an absolute http(s) URL.")]
    [InlineData("UseDevelopmentStorage=yes", "Invalid Azure Storage connection string: UseDevelopmentStorage must be 'true', not 'yes'.")]
    [InlineData("", "Invalid Azure Storage connection string: it is empty.")]
    [InlineData("AccountName=acct;" + Key, "Invalid Azure Storage connection string: part 2 is not a Name=value pair.")]
    public void Bad_connection_strings_fail_with_one_line_saying_what_is_wrong(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
