using System.Globalization;
using CsvHelper;
using Outreach.Core.Analytics.Reports;

namespace Outreach.Core.Analytics.Export;

/// <summary>
/// Writes a metrics report as CSV (<c>format=csv</c>): a header row, one line per group, invariant culture, rates
/// as plain decimals (0.05, not 5 %), empty cells where a figure does not exist. Each rate's comparison with the 5 %
/// baseline (<see cref="RateVsBaseline.Comparison"/>) closes the line, so a spreadsheet user does not read a lift from
/// three sends as a result; then the meetings each follow-up rate is of (<c>met_window_over_2d</c>, <c>_7d</c>: those
/// whose 2 or 7 days were over when the report was read, see <see cref="MetricsQuery.AsOf"/>).
/// </summary>
/// <remarks>
/// Group keys come from users (cohort, event and template names), and a spreadsheet runs a cell starting with
/// <c>= + - @</c>, tab or carriage return as a formula. Every such cell is neutralised as OWASP's CSV-injection
/// guidance says: prefixed with <c>'</c> and quoted (CsvHelper's <see cref="CsvInjection.Escape"/>). Numbers are
/// written as numbers, which CsvHelper leaves alone, and are never negative here anyway.
/// </remarks>
public static class MetricsCsvWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly string[] Header =
    [
        "group_by", "group", "contacts_met",
        "followed_up_2d", "follow_up_rate_2d", "follow_up_rate_2d_low", "follow_up_rate_2d_high", "follow_up_lift_2d",
        "followed_up_7d", "follow_up_rate_7d", "follow_up_rate_7d_low", "follow_up_rate_7d_high", "follow_up_lift_7d",
        "followed_up", "contacts_replied", "sent", "replies",
        "reply_rate", "reply_rate_low", "reply_rate_high", "baseline", "reply_lift", "reply_lift_low", "reply_lift_high",
        "model_lift", "model_lift_low", "model_lift_high", "model_lift_covered_share",
        "mean_predicted", "observed_scored_reply_rate", "calibration_error",
        "follow_up_2d_vs_baseline", "follow_up_7d_vs_baseline", "reply_vs_baseline",
        "met_window_over_2d", "met_window_over_7d",
    ];

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> (which stays open).</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public static async Task WriteAsync(MetricsReport report, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        var groupBy = report.Query.GroupBy.ToString().ToLowerInvariant();
        foreach (var row in report.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(groupBy);
            csv.WriteField(row.GroupKey);
            csv.WriteField(row.ContactsMet, "D");
            WriteRate(csv, row.FollowUpWithin2Days, withCount: true, withLift: true);
            WriteRate(csv, row.FollowUpWithin7Days, withCount: true, withLift: true);
            csv.WriteField(row.FollowedUp, "D");
            csv.WriteField(row.ContactsReplied, "D");
            csv.WriteField(row.Sent, "D");
            csv.WriteField(row.Replies, "D");
            WriteRate(csv, row.ReplyRate, withCount: false, withLift: false);
            WriteNumber(csv, row.ReplyRate.Baseline);
            WriteLift(csv, row.ReplyRate);
            if (row.ModelLift is { } model)
            {
                WriteLift(csv, model.ReplyRate);
                WriteNumber(csv, model.CoveredShare);
            }
            else
            {
                WriteEmpty(csv, 4);
            }

            WriteNumber(csv, row.Calibration?.MeanPredicted);
            WriteNumber(csv, row.Calibration?.ObservedRate);
            WriteNumber(csv, row.Calibration?.ExpectedCalibrationError);
            WriteComparison(csv, row.FollowUpWithin2Days);
            WriteComparison(csv, row.FollowUpWithin7Days);
            WriteComparison(csv, row.ReplyRate);
            csv.WriteField(row.FollowUpWithin2Days.Trials, "D");
            csv.WriteField(row.FollowUpWithin7Days.Trials, "D");
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteRate(CsvWriter csv, RateVsBaseline rate, bool withCount, bool withLift)
    {
        if (withCount)
        {
            csv.WriteField(rate.Successes, "D");
        }

        WriteNumber(csv, rate.Rate);
        WriteNumber(csv, rate.Interval?.Lower);
        WriteNumber(csv, rate.Interval?.Upper);
        if (withLift)
        {
            WriteNumber(csv, rate.Lift);
        }
    }

    private static void WriteLift(CsvWriter csv, RateVsBaseline rate)
    {
        WriteNumber(csv, rate.Lift);
        WriteNumber(csv, rate.LiftInterval?.Lower);
        WriteNumber(csv, rate.LiftInterval?.Upper);
    }

    // The JSON answer's words: above, below, too-few-to-tell; empty without trials.
    private static void WriteComparison(CsvWriter csv, RateVsBaseline rate) => csv.WriteField(rate.Comparison switch
    {
        BaselineComparison.Above => "above",
        BaselineComparison.Below => "below",
        BaselineComparison.TooFewToTell => "too-few-to-tell",
        _ => null,
    });

    private static void WriteEmpty(CsvWriter csv, int cells)
    {
        for (var i = 0; i < cells; i++)
        {
            csv.WriteField((string?)null);
        }
    }

    // Six decimals keep a rate exact to a millionth without printing binary noise (0.30000000000000004).
    private static void WriteNumber(CsvWriter csv, double? value) => csv.WriteField(value, "0.######");
}
