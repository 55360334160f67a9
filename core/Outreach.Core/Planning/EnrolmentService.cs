using Outreach.Core.Campaigns;
using Outreach.Core.Contacts;
using Outreach.Core.Senders;

namespace Outreach.Core.Planning;

/// <summary>
/// Enrols an owner's contacts into a campaign (at import with a campaign, or later): loads the owner's sender
/// schedule and suppression list, plans every step with <see cref="CampaignPlanner"/> and writes the tasks and their
/// due-index entries with <see cref="PlanWriter"/>. Idempotent: task ids derive from owner, campaign, contact and step,
/// so enrolling the same contacts again adds nothing and leaves existing tasks in whatever state they reached.
/// </summary>
/// <param name="profiles">Sender profiles (time zone, window).</param>
/// <param name="suppressions">Suppressions.</param>
/// <param name="tasks">The task table.</param>
/// <param name="index">The due index.</param>
/// <param name="time">The clock.</param>
public sealed class EnrolmentService(ISenderProfileStore profiles, ISuppressionStore suppressions, ITaskStore tasks, IDueIndex index, TimeProvider time)
{
    /// <summary>Plans and stores <paramref name="campaign"/>'s steps for each contact.</summary>
    /// <param name="ownerId">The owner enrolling; every contact must be theirs.</param>
    /// <param name="campaign">A campaign available to the owner (their own, a default, or one a coach shares with them).</param>
    /// <param name="contacts">The contacts; one listed twice is enrolled once.</param>
    /// <param name="cancellationToken">Cancels the writes (tasks written so far stay; enrolling again completes the rest).</param>
    /// <exception cref="DomainException">
    /// A contact of another owner (<c>enrolment.foreign-contact</c>), no sender profile (<c>enrolment.no-sender-profile</c>),
    /// or what <see cref="CampaignPlanner.Enroll"/> refuses (invalid, introduction or unshared campaign).
    /// </exception>
    public async Task<EnrolmentResult> EnrolAsync(string ownerId, Campaign campaign, IReadOnlyList<Contact> contacts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.FirstOrDefault(c => !string.Equals(c.OwnerId, ownerId, StringComparison.Ordinal)) is { } foreign)
        {
            throw new DomainException("enrolment.foreign-contact", $"Contact '{foreign.ContactId}' belongs to another owner.", "contacts");
        }

        var profile = await profiles.GetAsync(ownerId, cancellationToken).ConfigureAwait(false)
            ?? throw new DomainException(
                "enrolment.no-sender-profile", "Set up the sender profile (time zone and sending window) before enrolling contacts.", "ownerId");
        var suppressed = await suppressions.LoadListAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var plan = new CampaignPlanner(time).Enroll(campaign, contacts, profile.ToSchedule(), suppressed);

        var writer = new PlanWriter(tasks, index, time);
        var (planned, existing) = (0, 0);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skippedSteps = new List<SkippedStep>();
        foreach (var task in plan.Tasks)
        {
            if (await writer.WriteAsync([task], cancellationToken).ConfigureAwait(false) == 0)
            {
                existing++;
            }
            else if (task.State == TaskState.Planned)
            {
                planned++;
            }
            else
            {
                var reason = task.SkipReason ?? TaskStates.NameOf(task.State);
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                skippedSteps.Add(new SkippedStep(task.ContactId, task.StepId, reason));
            }
        }

        var enrolled = plan.Tasks.Select(t => t.ContactId).Distinct(StringComparer.Ordinal).Count();
        return new EnrolmentResult(enrolled, planned, existing, skipped) { SkippedSteps = skippedSteps };
    }
}
