using Outreach.Core.Accounts;

namespace Outreach.Core.Tests.Accounts;

public sealed class AccessPolicyTests
{
    private static readonly DateTimeOffset Granted = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Owner_may_act_on_own_data_within_key_scopes()
    {
        var owner = new Principal("ana", AccountKind.Owner, ApiScopes.Read);

        Assert.True(AccessPolicy.Allows(owner, "ana", ApiScopes.Read));
        Assert.False(AccessPolicy.Allows(owner, "ana", ApiScopes.Write));
    }

    [Fact]
    public void Owner_may_not_touch_another_owners_data()
    {
        var owner = new Principal("ana", AccountKind.Owner, ApiScopes.OwnerDefault);

        Assert.False(AccessPolicy.Allows(owner, "ben", ApiScopes.Read));
    }

    [Fact]
    public void Coach_reaches_a_client_only_with_that_clients_active_consent()
    {
        var coach = new Principal("coach-1", AccountKind.Coach, ApiScopes.OwnerDefault);
        var consent = new CoachConsent("ana", "coach-1", ApiScopes.Read | ApiScopes.Write, Granted);

        Assert.True(AccessPolicy.Allows(coach, "ana", ApiScopes.Read, consent));
        Assert.False(AccessPolicy.Allows(coach, "ana", ApiScopes.Send, consent));
        Assert.False(AccessPolicy.Allows(coach, "ana", ApiScopes.Read));
        Assert.False(AccessPolicy.Allows(coach, "ana", ApiScopes.Read, consent with { RevokedAt = Granted.AddDays(3) }));
    }

    [Fact]
    public void Consent_given_to_one_coach_or_for_one_client_does_not_extend_to_others()
    {
        var coach = new Principal("coach-1", AccountKind.Coach, ApiScopes.OwnerDefault);
        var anasConsentToAnotherCoach = new CoachConsent("ana", "coach-2", ApiScopes.Read, Granted);
        var bensConsent = new CoachConsent("ben", "coach-1", ApiScopes.Read, Granted);

        Assert.False(AccessPolicy.Allows(coach, "ana", ApiScopes.Read, anasConsentToAnotherCoach));
        Assert.False(AccessPolicy.Allows(coach, "ana", ApiScopes.Read, bensConsent));
    }

    [Fact]
    public void Client_never_reaches_another_client_of_the_same_coach()
    {
        var client = new Principal("ana", AccountKind.Owner, ApiScopes.OwnerDefault);
        var bensConsent = new CoachConsent("ben", "coach-1", ApiScopes.Read, Granted);

        Assert.False(AccessPolicy.Allows(client, "ben", ApiScopes.Read, bensConsent));
    }

    [Fact]
    public void Admin_reaches_any_owner_but_only_within_its_key_scopes()
    {
        var admin = new Principal("root", AccountKind.Admin, ApiScopes.Read | ApiScopes.Admin);

        Assert.True(AccessPolicy.Allows(admin, "ana", ApiScopes.Read));
        Assert.False(AccessPolicy.Allows(admin, "ana", ApiScopes.Send));
    }
}
