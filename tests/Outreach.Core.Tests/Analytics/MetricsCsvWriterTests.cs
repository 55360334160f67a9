using Outreach.Core.Analytics.Export;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Tests.Analytics;

public sealed class MetricsCsvWriterTests
{
    private const string Header =
        "group_by,group,contacts_met,"
        + "followed_up_2d,follow_up_rate_2d,follow_up_rate_2d_low,follow_up_rate_2d_high,follow_up_lift_2d,"
        + "followed_up_7d,follow_up_rate_7d,follow_up_rate_7d_low,follow_up_rate_7d_high,follow_up_lift_7d,"
        + "followed_up,contacts_replied,sent,replies,"
        + "reply_rate,reply_rate_low,reply_rate_high,baseline,reply_lift,reply_lift_low,reply_lift_high,"
        + "model_lift,model_lift_low,model_lift_high,model_lift_covered_share,"
        + "mean_predicted,observed_scored_reply_rate,calibration_error,"
        + "follow_up_2d_vs_baseline,follow_up_7d_vs_baseline,reply_vs_baseline,"
        + "met_window_over_2d,met_window_over_7d";

    private static readonly MetricsQuery Query = new(["owner-1"], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), MetricsGroupBy.Cohort);

    [Fact]
    public async Task Writes_a_header_and_figures_in_invariant_culture()
    {
        var row = Row("cohort-a", met: 10, within2: 4, within7: 6, sent: 100, replies: 5);
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var csv = await WriteAsync(row);

            Assert.Equal(
                Header + "\r\n"
                + "cohort,cohort-a,10,4,0.4,0.16818,0.687326,8,6,0.6,0.312674,0.83182,12,12,2,100,5,"
                + "0.05,0.021544,0.11175,0.05,1,0.430874,2.235009,,,,,,,,above,above,too-few-to-tell,10,10\r\n",
                csv);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-cmd", "\"'-cmd\"")]
    [InlineData("@SUM(1)", "\"'@SUM(1)\"")]
    [InlineData("+1+2", "\"'+1+2\"")]
    [InlineData("\tcalc", "\"'\tcalc\"")]
    [InlineData("\rcalc", "\"'\rcalc\"")]
    [InlineData("career fair, fall", "\"career fair, fall\"")]
    [InlineData("a=b", "a=b")]
    public async Task Group_keys_that_a_spreadsheet_would_run_as_a_formula_are_neutralised(string groupKey, string expectedCell)
    {
        var csv = await WriteAsync(Row(groupKey, met: 1, within2: 0, within7: 0, sent: 0, replies: 0));

        var line = csv[(Header.Length + 2)..];
        Assert.StartsWith("cohort," + expectedCell + ",1,0,0,0,0.793451,0,0,0,0,0.793451,0,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_figures_are_written_when_sends_were_scored()
    {
        var model = ModelLift.From(
        [
            new CalibrationBin(0.02, 0.04, 80, 2, 80 * 30_000),
            new CalibrationBin(0.20, 0.30, 20, 6, 20 * 250_000),
        ]);
        var calibration = Calibration.From(
        [
            new CalibrationBin(0.02, 0.04, 80, 2, 80 * 30_000),
            new CalibrationBin(0.20, 0.30, 20, 6, 20 * 250_000),
        ]);
        var row = Row("cohort-a", met: 0, within2: 0, within7: 0, sent: 100, replies: 8) with { ModelLift = model, Calibration = calibration };

        var csv = await WriteAsync(row);

        Assert.EndsWith(",6,2.909545,10.379456,0.2,0.074,0.08,0.014,,,too-few-to-tell,0,0\r\n", csv, StringComparison.Ordinal);
    }

    private static MetricsRow Row(string key, long met, long within2, long within7, long sent, long replies) => new(
        key,
        met,
        RateVsBaseline.Of(within2, met),
        RateVsBaseline.Of(within7, met),
        FollowedUp: within7 * 2,
        ContactsReplied: within2 / 2,
        sent,
        replies,
        RateVsBaseline.Of(replies, sent),
        ModelLift: null,
        Calibration: null);

    private static async Task<string> WriteAsync(MetricsRow row)
    {
        await using var writer = new StringWriter();
        await MetricsCsvWriter.WriteAsync(new MetricsReport(Query, [row]), writer, CancellationToken.None);
        return writer.ToString();
    }
}
