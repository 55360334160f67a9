using Outreach.Core;
using Outreach.Core.Accounts;
using Outreach.Core.Campaigns;
using Outreach.Core.Planning;

namespace Outreach.Functions.Campaigns;

/// <summary>
/// Writes an owner's campaign and keeps the client-side share index in step. Only a coach's campaign may be shared,
/// and only with clients who gave that coach consent: sharing is how a coach reaches a client's account, so it must
/// not reach anyone who did not agree. Saving a campaign without one of its steps, or deleting it, skips the owner's
/// pending tasks of what went (<see cref="CampaignEdits"/>), so no mail goes out for it.
/// </summary>
internal sealed class CampaignEditor(ICampaignStore campaigns, ICampaignShares shares, AccountService accounts, ITaskStore tasks, ITaskListing listing)
{
    private static readonly TaskQuery PendingTasks = new() { States = [TaskState.Planned, TaskState.Queued] };

    /// <exception cref="DomainException">The body is invalid, naming the field.</exception>
    public async Task<Campaign> SaveAsync(string ownerId, string campaignId, CampaignRequest request, Campaign? previous, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAccountAsync(ownerId, cancellationToken).ConfigureAwait(false);
        var kind = account?.Kind == AccountKind.Coach ? CampaignOwnerKind.Coach : CampaignOwnerKind.Student;
        var campaign = request.ToCampaign(campaignId, ownerId, kind);
        for (var i = 0; i < campaign.SharedWith.Count; i++)
        {
            var client = campaign.SharedWith[i];
            var consent = AccountIds.IsValid(client) ? await accounts.FindConsentAsync(ownerId, client, cancellationToken).ConfigureAwait(false) : null;
            if (consent is not { IsActive: true })
            {
                throw new DomainException("campaign.invalid", $"'{client}' is not a client who has given you consent; share only with consenting clients.", $"sharedWith[{i}]");
            }
        }

        await campaigns.SaveAsync(campaign, cancellationToken).ConfigureAwait(false);
        await shares.SetAsync(campaign, previous?.SharedWith ?? [], cancellationToken).ConfigureAwait(false);
        if (previous is not null && previous.Steps.Any(step => !campaign.Steps.Any(kept => string.Equals(kept.StepId, step.StepId, StringComparison.Ordinal))))
        {
            await StopPendingAsync(previous, campaign, cancellationToken).ConfigureAwait(false);
        }

        return campaign;
    }

    /// <summary>
    /// Deletes the campaign and its shares, and skips its pending tasks. Tasks that ended (sent, replied, skipped) stay:
    /// they are the owner's record of what was sent.
    /// </summary>
    public async Task DeleteAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        await shares.SetAsync(campaign with { SharedWith = [] }, campaign.SharedWith, cancellationToken).ConfigureAwait(false);
        await campaigns.DeleteAsync(campaign.OwnerId, campaign.CampaignId, cancellationToken).ConfigureAwait(false);
        await StopPendingAsync(campaign, updated: null, cancellationToken).ConfigureAwait(false);
    }

    private Task<int> StopPendingAsync(Campaign previous, Campaign? updated, CancellationToken cancellationToken) =>
        TaskTransitionWriter.ApplyAsync(
            tasks,
            ct => listing.ListAsync(previous.OwnerId, PendingTasks, ct),
            current => CampaignEdits.Apply(previous, updated, current),
            cancellationToken);
}
