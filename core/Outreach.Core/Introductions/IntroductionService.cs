using System.Security.Cryptography;
using Outreach.Core.Campaigns;
using Outreach.Core.Messaging.Templates;
using Outreach.Core.Planning;
using Outreach.Core.Senders;

namespace Outreach.Core.Introductions;

/// <summary>
/// Runs <see cref="IntroductionWorkflow"/> against storage: each event is applied to the stored introduction with a
/// version-checked write, and the messages it requires become tasks of the owner's introduction campaign
/// (<see cref="DefaultCampaigns.PayItForwardIntroduction"/> unless the owner stored their own under that id), written
/// with <see cref="PlanWriter"/> so the ordinary dispatcher and sender deliver them. The introduction is stored before
/// its tasks: the winner of a race decides, and task ids are deterministic, so a retried plan never duplicates mail.
/// </summary>
/// <param name="introductions">The introduction table.</param>
/// <param name="campaigns">Campaigns (for the owner's introduction campaign).</param>
/// <param name="profiles">Sender profiles (the introducer's schedule).</param>
/// <param name="suppressions">Suppressions (a suppressed recipient's message is planned skipped).</param>
/// <param name="tasks">The task table.</param>
/// <param name="index">The due index.</param>
/// <param name="time">The clock.</param>
/// <param name="policy">Consent window and nudge delay.</param>
public sealed class IntroductionService(
    IIntroductionStore introductions,
    ICampaignStore campaigns,
    ISenderProfileStore profiles,
    ISuppressionStore suppressions,
    ITaskStore tasks,
    IDueIndex index,
    TimeProvider time,
    IntroductionPolicy policy)
{
    /// <summary>How many times <see cref="ApplyToLatestAsync"/> tries a move in all, reading the introduction again after each lost race.</summary>
    public const int MaxMoveAttempts = 3;

    private readonly IntroductionWorkflow _workflow = new(time, policy);

    /// <summary>
    /// Creates an introduction between two of the owner's contacts and plans the consent ask to B. The ask is planned
    /// before anything is stored, so what the planner refuses (the owner's introduction campaign has no
    /// <c>intro_ask</c> step) refuses the request instead of leaving one that waits for an ask that never goes out; and
    /// when the ask is planned skipped (B is suppressed) the request stalls at once, saying why, rather than at the
    /// timer's next run.
    /// </summary>
    /// <param name="ownerId">The introducer.</param>
    /// <param name="personAContactId">A, who wants to meet B.</param>
    /// <param name="personBContactId">B, who is asked first.</param>
    /// <param name="reason">Why they should meet.</param>
    /// <param name="personAConsentConfirmedBy">
    /// The account that confirmed A asked for or agreed to the introduction (the caller: the introducer, or a coach acting
    /// for them), stored with the time of the confirmation as the record of A's side of the double opt-in.
    /// </param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <exception cref="DomainException">
    /// No sender profile, an introduction between the same two people still open (<see cref="IntroductionDuplicates"/>), what
    /// <see cref="IntroductionWorkflow.Request"/> or <see cref="IntroductionTaskPlanner.TasksFor"/> refuses, or
    /// <c>introduction.changed</c> when other requests between the two people at the same moment kept the store from storing it.
    /// </exception>
    public async Task<Introduction> RequestAsync(
        string ownerId, string personAContactId, string personBContactId, string reason, string personAConsentConfirmedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personAConsentConfirmedBy);
        var profile = await RequireProfileAsync(ownerId, cancellationToken).ConfigureAwait(false);

        // A second request between the same two people (a double submit, a client's retry after a timeout, or the
        // introducer forgetting the first) would send B a second consent ask: refused, naming the open one.
        IntroductionDuplicates.EnsureNoneOpen(
            await introductions.ListAsync(ownerId, cancellationToken).ConfigureAwait(false), personAContactId, personBContactId);
        var requested = _workflow.Request(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            ownerId,
            personAContactId,
            personBContactId,
            reason,
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var transition = requested with
        {
            Introduction = requested.Introduction with { PersonAConsentConfirmedBy = personAConsentConfirmedBy, PersonAConsentConfirmedAt = time.GetUtcNow() },
        };
        var planned = await TasksForAsync(transition, profile, cancellationToken).ConfigureAwait(false);
        // The list above misses a request made at the same moment (a double click, two tabs, a retry after a timeout):
        // the store's atomic claim on the pair lets exactly one of them in.
        var added = await introductions.TryAddForPairAsync(transition.Introduction, cancellationToken).ConfigureAwait(false);
        if (added.OpenBetweenPair is { } open)
        {
            throw IntroductionDuplicates.Duplicate(open);
        }

        if (added.Contended)
        {
            throw new DomainException(
                "introduction.changed",
                "Other requests to introduce the same two people were being made at the same moment, so this one was not stored; " +
                "list the introductions, and ask again if none is open between them.",
                "personBContactId");
        }

        var stored = added.Added ?? throw new InvalidOperationException("A random introduction id collided with a stored one.");

        // Should this write fail, the request is stored without its ask: the timer's next run plans it again (same task id).
        await new PlanWriter(tasks, index, time).WriteAsync(planned, cancellationToken).ConfigureAwait(false);
        var ask = planned.FirstOrDefault(t => t.Template == TemplateKind.IntroAsk);
        return IntroductionStallReasons.OfConsentAsk(ask) is { } unasked
            ? await ApplyAsync(_workflow.Stall(stored, unasked), cancellationToken).ConfigureAwait(false)
            : stored;
    }

    /// <summary>
    /// Records B's answer (from B's link or from the introducer) and plans the introduction on yes. B's answer is stored
    /// whatever happens to the email: when the introduction email cannot be planned (the owner's introduction campaign
    /// has no <c>intro</c> step, or the sender profile is gone) the answer still stands and is returned, and the timer
    /// stalls the introduction as <see cref="IntroductionStallReasons.EmailMissing"/>; B, who already chose, is never
    /// shown an error about the introducer's setup.
    /// </summary>
    /// <exception cref="DomainException">What <see cref="IntroductionWorkflow.RecordAnswer"/> refuses, or <c>introduction.changed</c> when a concurrent event won.</exception>
    public Task<Introduction> AnswerAsync(Introduction introduction, ConsentAnswer answer, ConsentResponder responder, CancellationToken cancellationToken) =>
        ApplyAsync(_workflow.RecordAnswer(introduction, answer, responder), cancellationToken);

    /// <summary>
    /// The timer's move: expires an unanswered request past its deadline (also one that stalled before B answered), or nudges A once the nudge is due, which is
    /// <see cref="IntroductionPolicy.NudgeAfter"/> after the introduction email actually went out. While that email is
    /// still planned, queued, claimed or in review, nothing changes and the next run looks again; once it went out
    /// later than B's yes, the nudge is moved to the delay after the send. When the email was skipped or failed for good,
    /// the introduction stalls instead and A is not nudged about an email nobody got. A request awaiting consent before
    /// its deadline stalls when its consent ask to B was skipped (B suppressed) or failed for good, since B cannot answer
    /// an ask B never got; otherwise it waits.
    /// A consent ask or introduction email that is not stored at all (writing it failed after the move was stored: the
    /// caller got an error, and B, who already saw "thank you", will not answer again) is planned again here, at the
    /// next opening of the sender's window: its task id is derived from the introduction, so a write still in flight and
    /// this one store one task between them. Only when it cannot be planned (the owner's introduction campaign lost the
    /// step, or the sender profile is gone) does the request or introduction stall as missing.
    /// </summary>
    /// <returns>The introduction as stored: unchanged (still introduced, or awaiting consent) while its email is waiting to go out.</returns>
    /// <exception cref="DomainException">Not due yet, not in a state the timer moves, or <c>introduction.changed</c> when a concurrent event won.</exception>
    public async Task<Introduction> AdvanceAsync(Introduction introduction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        if (introduction.State == IntroductionState.AwaitingConsent && time.GetUtcNow() < introduction.ConsentDeadline)
        {
            var ask = await FindMessageAsync(introduction, introduction.PersonBContactId, TemplateKind.IntroAsk, cancellationToken).ConfigureAwait(false)
                ?? await ReplanAsync(introduction, new SendConsentAsk(introduction.IntroductionId, introduction.PersonBContactId), cancellationToken).ConfigureAwait(false);
            return IntroductionStallReasons.OfConsentAsk(ask) is { } unasked
                ? await ApplyAsync(_workflow.Stall(introduction, unasked), cancellationToken).ConfigureAwait(false)
                : introduction;
        }

        if (introduction.State != IntroductionState.Introduced)
        {
            return await ApplyAsync(_workflow.Expire(introduction), cancellationToken).ConfigureAwait(false);
        }

        var email = await FindMessageAsync(introduction, introduction.PersonAContactId, TemplateKind.Intro, cancellationToken).ConfigureAwait(false)
            ?? await ReplanAsync(
                introduction,
                new SendIntroduction(introduction.IntroductionId, [introduction.PersonAContactId, introduction.PersonBContactId], introduction.OwnerId),
                cancellationToken).ConfigureAwait(false);
        if (time.GetUtcNow() < introduction.NudgeDueAt)
        {
            return introduction;
        }

        if (IntroductionStallReasons.Of(email) is { } stalled)
        {
            return await ApplyAsync(_workflow.Stall(introduction, stalled), cancellationToken).ConfigureAwait(false);
        }

        // Not sent yet (deferred by the daily cap or the window, or its send result unknown): A would be nudged about an
        // email they have not received. Sent or answered tasks carry SentUtc.
        // The nudge is planned before the move is stored: one that cannot be planned (the owner's introduction campaign
        // has no nudge step) leaves the introduction as it was instead of claiming A was nudged.
        return email!.SentUtc is { } sentAt
            ? await ApplyAsync(_workflow.NudgeAfterEmail(introduction, sentAt), cancellationToken, planFirst: true).ConfigureAwait(false)
            : introduction;
    }

    /// <summary>Records that A or B followed up: completes the introduction and skips a nudge still pending.</summary>
    /// <exception cref="DomainException">What <see cref="IntroductionWorkflow.RecordFollowUp"/> refuses, or <c>introduction.changed</c> when a concurrent event won.</exception>
    public Task<Introduction> RecordFollowUpAsync(Introduction introduction, CancellationToken cancellationToken) =>
        ApplyAsync(_workflow.RecordFollowUp(introduction), cancellationToken);

    /// <summary>The introducer closes an introduction that was made; a nudge still pending is skipped.</summary>
    /// <exception cref="DomainException">What <see cref="IntroductionWorkflow.Close"/> refuses, or <c>introduction.changed</c> when a concurrent event won.</exception>
    public Task<Introduction> CloseAsync(Introduction introduction, CancellationToken cancellationToken) =>
        ApplyAsync(_workflow.Close(introduction), cancellationToken);

    /// <summary>The introducer withdraws a request B has not answered; the consent ask, if still pending, is skipped.</summary>
    /// <exception cref="DomainException">What <see cref="IntroductionWorkflow.Cancel"/> refuses, or <c>introduction.changed</c> when a concurrent event won.</exception>
    public Task<Introduction> CancelAsync(Introduction introduction, CancellationToken cancellationToken) =>
        ApplyAsync(_workflow.Cancel(introduction), cancellationToken);

    /// <summary>
    /// Applies one of the introducer's moves (recording B's answer, closing, cancelling) to <paramref name="introduction"/>;
    /// when its version-checked write loses to another writer of the same introduction (B on the consent page, the timer
    /// expiring it, stalling it or planning its messages), reads it again and applies the move to what is stored now, at
    /// most <see cref="MaxMoveAttempts"/> times in all. The move then still applies, is a repeat of what the other writer
    /// did (the same answer), or is refused for the state it finds, naming it; the introducer never gets "changed
    /// meanwhile" for a move that would have worked.
    /// </summary>
    /// <param name="introduction">The introduction as the caller read it.</param>
    /// <param name="move">The move, e.g. <c>(i, ct) => service.CloseAsync(i, ct)</c>.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    /// <exception cref="DomainException">What the move refuses; <c>introduction.changed</c> only when every attempt lost its race.</exception>
    public async Task<Introduction> ApplyToLatestAsync(
        Introduction introduction, Func<Introduction, CancellationToken, Task<Introduction>> move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(introduction);
        ArgumentNullException.ThrowIfNull(move);
        var current = introduction;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await move(current, cancellationToken).ConfigureAwait(false);
            }
            catch (DomainException e) when (e.Code == "introduction.changed" && attempt < MaxMoveAttempts)
            {
                if (await introductions.GetAsync(current.OwnerId, current.IntroductionId, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    throw;
                }

                current = stored;
            }
        }
    }

    /// <param name="transition">The move.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <param name="planFirst">
    /// Plan its messages before storing the move, so a plan the planner refuses refuses the move. Not for B's answer:
    /// B's consent is stored whatever happens to its email, which the timer plans again when it is missing.
    /// </param>
    private async Task<Introduction> ApplyAsync(IntroductionTransition transition, CancellationToken cancellationToken, bool planFirst = false)
    {
        if (transition.IsRepeat)
        {
            // A repeat may be the retry of a call that stored the move and failed before stopping its messages.
            await StopTasksAsync(transition.Introduction, cancellationToken).ConfigureAwait(false);
            return transition.Introduction;
        }

        var planned = planFirst ? await PlanAsync(transition, cancellationToken).ConfigureAwait(false) : null;
        var stored = await introductions.TryReplaceAsync(transition.Introduction, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(
                "introduction.changed",
                $"Introduction '{transition.Introduction.IntroductionId}' changed meanwhile; read it again.",
                "state");
        planned ??= await PlanAfterStoringAsync(transition with { Introduction = stored }, cancellationToken).ConfigureAwait(false);
        await new PlanWriter(tasks, index, time).WriteAsync(planned, cancellationToken).ConfigureAwait(false);
        await StopTasksAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// The tasks of a move already stored (B's answer). A plan the owner's setup refuses plans nothing rather than throw:
    /// the move stands, and the timer, finding no message, plans it again or stalls the introduction as missing.
    /// </summary>
    private async Task<IReadOnlyList<OutreachTask>> PlanAfterStoringAsync(IntroductionTransition transition, CancellationToken cancellationToken)
    {
        try
        {
            return await PlanAsync(transition, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException e) when (IsUnplannable(e))
        {
            return [];
        }
    }

    /// <summary>The planner's refusals that come from the owner's setup (no sender profile, no step for the message).</summary>
    private static bool IsUnplannable(DomainException e) => e.Code is "introduction.no-sender-profile" or "campaign.missing-step" or "campaign.invalid";

    /// <summary>The introduction's stored message of <paramref name="template"/> to <paramref name="contactId"/>, or null.</summary>
    private async Task<OutreachTask?> FindMessageAsync(Introduction introduction, string contactId, TemplateKind template, CancellationToken cancellationToken)
    {
        var toContact = await tasks.ListForContactAsync(introduction.OwnerId, contactId, cancellationToken).ConfigureAwait(false);
        return toContact.FirstOrDefault(t => t.Template == template && string.Equals(t.IntroductionId, introduction.IntroductionId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Plans <paramref name="command"/> again for an introduction whose message is not stored, and returns the task as
    /// stored; null when it cannot be planned (no sender profile, or the owner's introduction campaign has no step for it).
    /// </summary>
    private async Task<OutreachTask?> ReplanAsync(Introduction introduction, IntroductionCommand command, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutreachTask> planned;
        try
        {
            var profile = await RequireProfileAsync(introduction.OwnerId, cancellationToken).ConfigureAwait(false);
            planned = await TasksForAsync(new IntroductionTransition(introduction, [command]), profile, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException e) when (IsUnplannable(e))
        {
            return null;
        }

        await new PlanWriter(tasks, index, time).WriteAsync(planned, cancellationToken).ConfigureAwait(false);
        var task = planned.Single();
        return await tasks.FindAsync(task.OwnerId, task.TaskId, cancellationToken).ConfigureAwait(false) ?? task;
    }

    /// <summary>Skips the introduction's pending messages its state made pointless (<see cref="IntroductionTaskStops"/>).</summary>
    private Task<int> StopTasksAsync(Introduction introduction, CancellationToken cancellationToken) =>
        TaskTransitionWriter.ApplyAsync(
            tasks,
            async ct =>
            {
                var toA = await tasks.ListForContactAsync(introduction.OwnerId, introduction.PersonAContactId, ct).ConfigureAwait(false);
                var toB = await tasks.ListForContactAsync(introduction.OwnerId, introduction.PersonBContactId, ct).ConfigureAwait(false);
                return [.. toA, .. toB];
            },
            current => IntroductionTaskStops.Apply(introduction, current),
            cancellationToken);

    /// <summary>The tasks of <paramref name="transition"/>'s commands (none for a move that sends nothing); nothing is written.</summary>
    private async Task<IReadOnlyList<OutreachTask>> PlanAsync(IntroductionTransition transition, CancellationToken cancellationToken)
    {
        if (transition.Commands.Count == 0)
        {
            return [];
        }

        var profile = await RequireProfileAsync(transition.Introduction.OwnerId, cancellationToken).ConfigureAwait(false);
        return await TasksForAsync(transition, profile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tasks of <paramref name="transition"/>'s commands, from the owner's introduction campaign and schedule; nothing is written.</summary>
    private async Task<IReadOnlyList<OutreachTask>> TasksForAsync(IntroductionTransition transition, SenderProfile profile, CancellationToken cancellationToken)
    {
        var ownerId = transition.Introduction.OwnerId;
        var campaign = await campaigns.GetAsync(ownerId, DefaultCampaigns.PayItForwardIntroductionId, cancellationToken).ConfigureAwait(false)
            ?? DefaultCampaigns.PayItForwardIntroduction(ownerId);
        var suppressed = await suppressions.LoadListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        return new IntroductionTaskPlanner(time).TasksFor(transition, campaign, profile.ToSchedule(), suppressed);
    }

    private async Task<SenderProfile> RequireProfileAsync(string ownerId, CancellationToken cancellationToken) =>
        await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false)
        ?? throw new DomainException(
            "introduction.no-sender-profile", "Set up the sender profile (time zone and sending window) before making introductions.", "sender");
}
