using Azure;
using Outreach.Storage.Auth;
using Outreach.Storage.Tables;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests.Tables;

[Collection(AzuriteGroup.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private readonly StorageAccount _account = TestAccounts.For(azurite);

    private async Task<TableClient> NewTableAsync(StorageAccount? account = null)
    {
        var table = (account ?? _account).GetTable(TestAccounts.UniqueName("t"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Create_is_idempotent_and_delete_reports_whether_it_existed()
    {
        var table = _account.GetTable(TestAccounts.UniqueName("t"));

        Assert.True(await table.CreateIfNotExistsAsync());
        Assert.False(await table.CreateIfNotExistsAsync());
        Assert.True(await table.DeleteTableAsync());
        Assert.False(await table.DeleteTableAsync());
    }

    [Fact]
    public async Task Every_edm_type_round_trips()
    {
        var table = await NewTableAsync();
        var due = new DateTimeOffset(2026, 11, 22, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var entity = new TableEntity("p", "r")
        {
            ["Name"] = "Zoë O'Brien 東京",
            ["Small"] = int.MinValue,
            ["Big"] = long.MaxValue,
            ["Negative"] = long.MinValue,
            ["Whole"] = 42.0,
            ["Fraction"] = 0.1,
            ["NotANumber"] = double.NaN,
            ["Infinite"] = double.PositiveInfinity,
            ["Due"] = due,
            ["Id"] = id,
            ["Blob"] = new byte[] { 0, 1, 254, 255 },
            ["Sent"] = true,
            ["Replied"] = false,
        };
        await table.InsertAsync(entity);

        var read = (await table.GetAsync("p", "r"))!;

        Assert.Equal("Zoë O'Brien 東京", read["Name"]);
        Assert.Equal(int.MinValue, read["Small"]);
        Assert.Equal(long.MaxValue, read["Big"]);
        Assert.Equal(long.MinValue, read["Negative"]);
        Assert.Equal(42.0, Assert.IsType<double>(read["Whole"]));
        Assert.Equal(0.1, read["Fraction"]);
        Assert.True(double.IsNaN(Assert.IsType<double>(read["NotANumber"])));
        Assert.Equal(double.PositiveInfinity, read["Infinite"]);
        Assert.Equal(due, read.GetDateTimeOffset("Due"));
        Assert.Equal(due.UtcTicks, read.GetDateTimeOffset("Due")!.Value.UtcTicks);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read["Blob"]);
        Assert.Equal(true, read["Sent"]);
        Assert.Equal(false, read["Replied"]);
        Assert.Equal(13, read.Count);
        Assert.Equal(entity.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Inserting_an_existing_entity_is_a_concurrency_conflict()
    {
        var table = await NewTableAsync();
        await table.InsertAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.InsertAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.StartsWith($"Inserting into table {table.Name} failed: 409 EntityAlreadyExists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_loses_the_race_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var original = new TableEntity("p", "r") { ["State"] = "planned" };
        var firstETag = await table.InsertAsync(original);
        var winner = new TableEntity("p", "r") { ["State"] = "claimed-by-a" };
        var secondETag = await table.UpdateAsync(winner, firstETag);

        var loser = new TableEntity("p", "r") { ["State"] = "claimed-by-b" };
        var error = await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.UpdateAsync(loser, firstETag));

        Assert.NotEqual(firstETag, secondETag);
        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Equal("claimed-by-a", (await table.GetAsync("p", "r"))!.GetString("State"));
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.DeleteAsync("p", "r", firstETag));
        Assert.True(await table.DeleteAsync("p", "r", secondETag));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 }, TableUpdateMode.Replace);

        await table.UpsertAsync(new TableEntity("p", "r") { ["B"] = 20 }, TableUpdateMode.Merge);
        var merged = (await table.GetAsync("p", "r"))!;
        await table.UpsertAsync(new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await table.GetAsync("p", "r"))!;

        Assert.Equal([("A", (object)1), ("B", 20)], merged.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        Assert.Equal([("C", (object)3)], replaced.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task A_large_entity_of_non_latin_text_can_be_replaced_as_often_as_written_and_reads_back_unchanged()
    {
        // 360,000 Cyrillic characters (720 KB as the service stores them, within its 1 MiB): escaped as \uXXXX in the
        // JSON body they would be 2 MB, which the emulator refuses on a replace.
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 12; i++)
        {
            entity[$"Part{i}"] = new string((char)('а' + i), 30_000);
        }

        entity["Mixed"] = "<Zoë & Ада> \"quoted\" \\ 😀";

        await table.UpsertAsync(entity, TableUpdateMode.Replace);
        await table.UpsertAsync(entity, TableUpdateMode.Replace);
        var read = (await table.GetAsync("p", "r"))!;

        Assert.Equal(new string('б', 30_000), read.GetString("Part1"));
        Assert.Equal("<Zoë & Ада> \"quoted\" \\ 😀", read.GetString("Mixed"));
    }

    [Fact]
    public async Task Update_merge_with_any_etag_needs_the_entity_to_exist()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => table.UpdateAsync(new TableEntity("p", "missing"), ETag.All, TableUpdateMode.Merge));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Missing_entities_read_as_null_and_delete_as_false()
    {
        var table = await NewTableAsync();

        Assert.Null(await table.GetAsync("p", "nobody"));
        Assert.False(await table.DeleteAsync("p", "nobody"));
    }

    [Theory]
    [InlineData(TableSharedKeyScheme.SharedKeyLite)]
    [InlineData(TableSharedKeyScheme.SharedKey)]
    public async Task Keys_and_filter_values_with_quotes_and_non_ascii_work_under_both_signing_schemes(TableSharedKeyScheme scheme)
    {
        var options = TestAccounts.FastRetries();
        options.TableSharedKeyScheme = scheme;
        var table = await NewTableAsync(TestAccounts.For(azurite, options));
        await table.InsertAsync(new TableEntity("O'Brien", "Zoë 東京") { ["City"] = "東京", ["Name"] = "Zoë O'Brien" });
        await table.InsertAsync(new TableEntity("O'Brien", "plain") { ["City"] = "Paris", ["Name"] = "Other" });

        var read = await table.GetAsync("O'Brien", "Zoë 東京");
        var found = await table.QueryAsync(TableFilter.Eq("PartitionKey", "O'Brien").And(TableFilter.Eq("City", "東京")).And(TableFilter.Eq("Name", "Zoë O'Brien"))).ToListAsync();
        await table.UpdateAsync(new TableEntity("O'Brien", "Zoë 東京") { ["City"] = "大阪" }, read!.ETag, TableUpdateMode.Merge);
        var deleted = await table.DeleteAsync("O'Brien", "plain");

        Assert.Equal("Zoë O'Brien", read.GetString("Name"));
        Assert.Equal("Zoë 東京", Assert.Single(found).RowKey);
        Assert.Equal("大阪", (await table.GetAsync("O'Brien", "Zoë 東京"))!.GetString("City"));
        Assert.True(deleted);
    }

    [Theory]
    [InlineData("a/b", "PartitionKey contains '/' at position 1; table keys cannot contain / \\ # ? or control characters.")]
    [InlineData("a\\b", "PartitionKey contains '\\' at position 1; table keys cannot contain / \\ # ? or control characters.")]
    [InlineData("#", "PartitionKey contains '#' at position 0; table keys cannot contain / \\ # ? or control characters.")]
    [InlineData("why?", "PartitionKey contains '?' at position 3; table keys cannot contain / \\ # ? or control characters.")]
    [InlineData("tab\there", "PartitionKey contains U+0009 at position 3; table keys cannot contain / \\ # ? or control characters.")]
    [InlineData("c1\u0085", "PartitionKey contains U+0085 at position 2; table keys cannot contain / \\ # ? or control characters.")]
    public async Task Keys_with_forbidden_characters_are_rejected_before_any_request(string key, string expected)
    {
        var table = _account.GetTable("nevercreated"); // a request would fail with 404 instead

        var insert = await Assert.ThrowsAsync<ArgumentException>(() => table.InsertAsync(new TableEntity(key, "r")));
        var get = await Assert.ThrowsAsync<ArgumentException>(() => table.GetAsync(key, "r"));
        var row = await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteAsync("p", key));

        Assert.Equal(expected + " (Parameter 'PartitionKey')", insert.Message);
        Assert.Equal("PartitionKey", get.ParamName);
        Assert.Equal("RowKey", row.ParamName);
    }

    [Fact]
    public async Task Due_items_are_found_with_a_datetime_filter()
    {
        var table = await NewTableAsync();
        var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        await table.InsertAsync(new TableEntity("due", "early") { ["Due"] = now.AddMinutes(-1) });
        await table.InsertAsync(new TableEntity("due", "exact") { ["Due"] = now });
        await table.InsertAsync(new TableEntity("due", "late") { ["Due"] = now.AddMilliseconds(1) }); // Azurite compares datetimes to the millisecond

        var due = await table.QueryAsync(TableFilter.Eq("PartitionKey", "due").And(TableFilter.Le("Due", now))).Select(e => e.RowKey).ToListAsync();

        Assert.Equal(["early", "exact"], due);
    }

    [Fact]
    public async Task Select_and_top_limit_what_comes_back()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 5; i++)
        {
            await table.InsertAsync(new TableEntity("p", $"r{i}") { ["Keep"] = i, ["Drop"] = "x" });
        }

        var rows = await table.QueryAsync(select: ["Keep"], top: 3).ToListAsync();

        Assert.Equal([0, 1, 2], rows.Select(r => r.GetInt32("Keep")!.Value));
        Assert.All(rows, r => Assert.False(r.Contains("Drop")));
    }

    [Fact]
    public async Task Table_requests_with_a_wrong_key_fail_with_one_line()
    {
        var account = StorageAccount.FromConnectionString(
            azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
            TestAccounts.FastRetries());

        var error = await Assert.ThrowsAsync<StorageRequestException>(() => account.GetTable(TestAccounts.UniqueName("t")).CreateIfNotExistsAsync());

        // Azurite's table service answers a bad signature with AuthorizationFailure (queues say AuthenticationFailed).
        Assert.Equal("Azure Storage rejected the account key for devstoreaccount1 (403 AuthorizationFailure)", error.Message);
    }
}
