using Outreach.Core.Planning;
using static Outreach.Core.Tests.Planning.Given;

namespace Outreach.Core.Tests.Planning;

public sealed class DueBucketsTests
{
    [Fact]
    public void A_due_instant_maps_to_its_five_minute_bucket()
    {
        Assert.Equal("due-202603090905", DueBuckets.KeyOf(Utc("2026-03-09T09:07:31Z")));
        Assert.Equal("due-202603090905", DueBuckets.KeyOf(Utc("2026-03-09T09:05:00Z")));
        Assert.Equal("due-202603090900", DueBuckets.KeyOf(Utc("2026-03-09T09:04:59.999Z")));
    }

    [Fact]
    public void Buckets_are_in_UTC_whatever_the_offset_of_the_instant() =>
        Assert.Equal("due-202603091300", DueBuckets.KeyOf(new DateTimeOffset(2026, 3, 9, 9, 1, 0, TimeSpan.FromHours(-4))));

    [Fact]
    public void A_task_already_due_is_indexed_in_the_current_bucket_so_it_never_lands_behind_the_cursor()
    {
        Assert.Equal("due-202603091210", DueBuckets.KeyForIndexing(Utc("2026-03-09T09:00Z"), Utc("2026-03-09T12:13Z")));
        Assert.Equal("due-202603101200", DueBuckets.KeyForIndexing(Utc("2026-03-10T12:00Z"), Utc("2026-03-09T12:13Z")));
    }

    [Fact]
    public void A_scan_reads_from_the_cursor_bucket_through_the_current_one_and_advances_the_cursor_to_the_last_complete_bucket()
    {
        var plan = DueBuckets.PlanScan(Utc("2026-03-09T09:00Z"), Utc("2026-03-09T09:12Z"));

        Assert.Equal(["due-202603090900", "due-202603090905", "due-202603090910"], plan.BucketKeys);
        Assert.Equal(Utc("2026-03-09T09:05Z"), plan.NextCursor);
    }

    [Fact]
    public void The_first_scan_looks_back_one_day()
    {
        var plan = DueBuckets.PlanScan(null, Utc("2026-03-09T09:12Z"));

        Assert.Equal(289, plan.BucketKeys.Count);
        Assert.Equal("due-202603080910", plan.BucketKeys[0]);
        Assert.Equal("due-202603090910", plan.BucketKeys[^1]);
    }

    [Fact]
    public void The_first_scan_looks_back_as_far_as_configured()
    {
        var plan = DueBuckets.PlanScan(null, Utc("2026-03-09T09:12Z"), TimeSpan.FromHours(1));

        Assert.Equal(["due-202603090810", "due-202603090815"], plan.BucketKeys.Take(2));
        Assert.Equal(13, plan.BucketKeys.Count);
    }

    [Fact]
    public void A_cursor_ahead_of_the_clock_scans_only_the_current_bucket() =>
        Assert.Equal(["due-202603090910"], DueBuckets.PlanScan(Utc("2026-03-09T10:00Z"), Utc("2026-03-09T09:12Z")).BucketKeys);
}
