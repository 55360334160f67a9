using Microsoft.Extensions.Options;
using Outreach.Core.Accounts;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Which owners a suppression applies to: the owner, and, for each configured cohort coach
/// (<see cref="OutcomesOptions.CohortCoaches"/>) the owner consents to (or is), every client consenting to that coach.
/// Consent is the cohort's membership list, so a client who revokes it stops sharing.
/// </summary>
internal sealed class SuppressionCohort(IOptions<OutcomesOptions> options, AccountService accounts)
{
    public async Task<IReadOnlyList<string>> OwnersSharingAsync(string ownerId, CancellationToken cancellationToken)
    {
        var owners = new SortedSet<string>(StringComparer.Ordinal) { ownerId };
        foreach (var coachId in options.Value.CohortCoachIds())
        {
            var member = string.Equals(coachId, ownerId, StringComparison.Ordinal)
                || (await accounts.FindConsentAsync(coachId, ownerId, cancellationToken).ConfigureAwait(false)) is { IsActive: true };
            if (member)
            {
                owners.UnionWith((await accounts.ListConsentingClientsAsync(coachId, cancellationToken).ConfigureAwait(false)).Select(c => c.ClientId));
            }
        }

        return [.. owners];
    }
}
