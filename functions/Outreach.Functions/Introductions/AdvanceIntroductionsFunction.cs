using Outreach.Core;
using Outreach.Core.Introductions;
using Outreach.Functions.Dispatching;
using Outreach.Functions.Invocation;

namespace Outreach.Functions.Introductions;

/// <summary>
/// The <c>AdvanceIntroductions</c> timer (<c>functions/AdvanceIntroductions/function.json</c>, hourly): expires consent
/// requests B left unanswered past the deadline (also those that stalled before B answered and that the introducer
/// neither answered for B nor cancelled), stalls a request whose consent ask to B was skipped or failed for good
/// (B cannot answer it; the introducer may answer for B or cancel), plans again a consent ask or introduction email that
/// was never stored (writing it failed after the request or B's yes was stored), and nudges A once the nudge is due (the
/// nudge delay after the introduction email went out), planning the nudge as a task the dispatcher sends. An
/// introduction whose email has not gone out yet waits (it is listed again next run), and one whose email was skipped
/// or failed for good is marked stalled (A is not nudged about an email nobody got). An introduction another event
/// moved on meanwhile (B answered a second before) is left alone, and one the workflow or planner refuses (its owner's
/// introduction campaign has no nudge step) is logged and left as it was, without stopping the run for the others.
/// </summary>
internal sealed partial class AdvanceIntroductionsFunction(IServiceProvider services, ILogger<AdvanceIntroductionsFunction> logger) : StorageTimerFunction(logger)
{
    public const string FunctionName = "AdvanceIntroductions";

    public override string Name => FunctionName;

    protected override string AfterStorageFailure => "the next run looks again";

    protected override async Task<FunctionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DispatchStorage>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var store = services.GetRequiredService<IIntroductionStore>();
        var introductions = services.GetRequiredService<IntroductionService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var (expired, nudged, stalled, waiting, skipped, refused) = (0, 0, 0, 0, 0, 0);
        foreach (var due in await store.ListDueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var moved = await introductions.AdvanceAsync(due, cancellationToken).ConfigureAwait(false);
                _ = moved.State switch
                {
                    IntroductionState.Expired => expired++,
                    IntroductionState.Stalled => stalled++,
                    IntroductionState.Introduced or IntroductionState.AwaitingConsent => waiting++,
                    _ => nudged++,
                };
            }
            catch (DomainException e) when (IntroductionsApi.IsStateConflict(e))
            {
                skipped++;
                LogMovedOn(Logger, due.OwnerId, due.IntroductionId, e.Code);
            }
            catch (DomainException e)
            {
                // One owner's setup (an introduction campaign without a nudge step) must not stop every other owner's
                // expiries and nudges: the introduction is left as it was, and the next run tries it again.
                refused++;
                LogRefused(Logger, due.OwnerId, due.IntroductionId, e.Code, e.Target);
            }
        }

        LogRun(Logger, expired, nudged, stalled, waiting, skipped);
        return FunctionOutcome.Success().WithLog(
            $"Expired {expired} and nudged {nudged} introductions; {stalled} stalled (their consent ask or introduction email never went out); "
            + $"{waiting} wait for B's answer, for their introduction email to go out or for the nudge delay after it; {skipped} had moved on; "
            + $"{refused} could not be moved (see the warnings) and are tried again next run.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Introductions run: {Expired} expired, {Nudged} nudged, {Stalled} stalled, {Waiting} waiting for an answer or their email, {Skipped} moved on meanwhile")]
    private static partial void LogRun(ILogger logger, int expired, int nudged, int stalled, int waiting, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Introduction {IntroductionId} of owner {OwnerId} could not be moved ({Code}, {Target}); the next run tries again")]
    private static partial void LogRefused(ILogger logger, string ownerId, string introductionId, string code, string? target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Introduction {IntroductionId} of owner {OwnerId} moved on before the timer ({Code})")]
    private static partial void LogMovedOn(ILogger logger, string ownerId, string introductionId, string code);
}
