using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Tests.Scoring;

public sealed class TimeSplitTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_latest_sends_are_held_out_and_the_ones_before_them_calibrate_whatever_order_they_come_in()
    {
        var rows = Enumerable.Range(0, 100).Select(i => Row($"t{i:000}", Day0.AddHours(i))).Reverse().ToList();

        var (training, calibration, holdOut) = TimeSplit.Split(rows, 0.2, 0.1);

        Assert.Equal(Enumerable.Range(0, 70).Select(i => $"t{i:000}"), training.Select(r => r.OutreachId));
        Assert.Equal(Enumerable.Range(70, 10).Select(i => $"t{i:000}"), calibration.Select(r => r.OutreachId));
        Assert.Equal(Enumerable.Range(80, 20).Select(i => $"t{i:000}"), holdOut.Select(r => r.OutreachId));
    }

    [Fact]
    public void Sends_made_at_one_instant_are_never_split_between_the_rows_fitted_on_and_the_rows_held_out()
    {
        // A class's thank-you notes go out in one batch: 30 sends on each of days 0 to 4, every batch at 09:00.
        var rows = Enumerable.Range(0, 150).Select(i => Row($"t{i:000}", Day0.AddDays(i / 30))).ToList();

        var (training, calibration, holdOut) = TimeSplit.Split(rows, 0.2, 0.1);

        // The 20 % cut (row 120) and the 10 % one (row 105) fall inside days 4 and 3: each batch goes to the later part.
        Assert.Equal((90, 30, 30), (training.Count, calibration.Count, holdOut.Count));
        Assert.True(training.Max(r => r.Features.SentAt) < calibration.Min(r => r.Features.SentAt));
        Assert.True(calibration.Max(r => r.Features.SentAt) < holdOut.Min(r => r.Features.SentAt));
    }

    [Fact]
    public void A_history_sent_all_at_once_is_still_split_by_its_ids()
    {
        var rows = Enumerable.Range(0, 50).Select(i => Row($"t{i:000}", Day0)).ToList();

        var (training, calibration, holdOut) = TimeSplit.Split(rows, 0.2, 0.1);

        Assert.Equal((35, 5, 10), (training.Count, calibration.Count, holdOut.Count));
        Assert.Equal("t040", holdOut[0].OutreachId);
    }

    private static HistoryRow Row(string id, DateTimeOffset sentAt) => new(id, "owner", new OutreachFeatures { SentAt = sentAt }, Replied: false);
}
