using Outreach.Core.Sending;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Dispatching;

/// <summary>
/// The <c>SweepStuckSends</c> timer (<c>functions/SweepStuckSends/function.json</c>, every 5 minutes): runs
/// <see cref="StuckSendSweeper"/>, which finds emails still queued or claimed <c>Dispatching:StuckSendAfter</c> past
/// their send time (their send request lost) and queues the request again, fails the task unsent, or sends a claim
/// nobody confirmed to needs_review, never sending anything twice.
/// </summary>
internal sealed partial class SweepStuckSendsFunction(IServiceProvider services, ILogger<SweepStuckSendsFunction> logger) : StorageTimerFunction(logger)
{
    public const string FunctionName = "SweepStuckSends";

    public override string Name => FunctionName;

    protected override string AfterStorageFailure => "the cursor was not stored, so the next run reads the same watch buckets again";

    protected override async Task<FunctionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var report = await services.GetRequiredService<StuckSendSweeper>().RunAsync(cancellationToken).ConfigureAwait(false);
        LogRun(Logger, report.Checked, report.Requeued, report.Failed, report.ToReview, report.NotYet, report.LostRaces, report.Cursor);
        return FunctionOutcome.Success()
            .WithLog($"Checked {report.Checked} sends: {report.Requeued} requeued, {report.Failed} failed, {report.ToReview} to review.");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Stuck-send sweep: {Checked} checked, {Requeued} lost requests queued again, {Failed} failed unsent, {ToReview} unconfirmed claims to review, {NotYet} not yet due, {LostRaces} lost races; cursor {Cursor:o}")]
    private static partial void LogRun(ILogger logger, int @checked, int requeued, int failed, int toReview, int notYet, int lostRaces, DateTimeOffset cursor);
}
