using Outreach.Core.Accounts;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Accounts;

public sealed class CoachRosterTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly AccountService _accounts;
    private readonly CoachRoster _roster;

    public CoachRosterTests()
    {
        _accounts = new AccountService(new InMemoryAccountStore(), new InMemoryApiKeyStore(), new InMemoryConsentStore(), _time);
        _roster = new CoachRoster(_accounts, new InMemoryClientCohortStore());
    }

    [Fact]
    public async Task A_consenting_client_is_filed_under_the_cohort_with_its_name_tidied()
    {
        await AccountsAsync("coach", "ada", "bo");
        await _accounts.GrantConsentAsync("ada", "coach", ApiScopes.Read, None);
        await _accounts.GrantConsentAsync("bo", "coach", ApiScopes.Read, None);

        var filed = await _roster.FileAsync("coach", "ada", "  Spring \t 2027   MBA ", None);

        Assert.Equal("Spring 2027 MBA", filed?.Cohort);
        Assert.Equal(["ada=Spring 2027 MBA", "bo=(none)"], (await _roster.ListAsync("coach", None)).Select(e => $"{e.ClientId}={e.Cohort ?? "(none)"}"));
        Assert.Equal("Spring 2027 MBA", await _roster.CohortOfAsync("coach", "ada", None));
    }

    [Fact]
    public async Task The_roster_names_each_client_as_their_account_does()
    {
        await _accounts.CreateAccountAsync("coach", AccountKind.Coach, "Coach Carter", "UTC", None);
        await _accounts.CreateAccountAsync("ada", AccountKind.Owner, "Ada Lovelace", "UTC", None);
        await _accounts.CreateAccountAsync("bo", AccountKind.Owner, "Bo Diddley", "UTC", None);
        await _accounts.GrantConsentAsync("ada", "coach", ApiScopes.Read, None);
        await _accounts.GrantConsentAsync("bo", "coach", ApiScopes.Read, None);

        var filed = await _roster.FileAsync("coach", "bo", "Spring", None);

        Assert.Equal(["ada=Ada Lovelace", "bo=Bo Diddley"], (await _roster.ListNamedAsync("coach", None)).Select(e => $"{e.ClientId}={e.ClientName}"));
        Assert.All(await _roster.ListAsync("coach", None), e => Assert.Null(e.ClientName)); // the metrics' listing reads no account
        Assert.Equal("Bo Diddley", filed?.ClientName);
    }

    [Fact]
    public async Task Nobody_but_a_client_with_active_consent_can_be_filed()
    {
        await AccountsAsync("coach", "ada", "bo");
        await _accounts.GrantConsentAsync("bo", "coach", ApiScopes.Read, None);
        await _accounts.RevokeConsentAsync("bo", "coach", None);

        Assert.Null(await _roster.FileAsync("coach", "ada", "Spring", None));
        Assert.Null(await _roster.FileAsync("coach", "bo", "Spring", None));
        Assert.Null(await _roster.FileAsync("coach", "not an id", "Spring", None));
        Assert.Empty(await _roster.ListAsync("coach", None));
    }

    [Fact]
    public async Task A_client_who_withdraws_drops_off_and_is_back_in_the_cohort_when_consenting_again()
    {
        await AccountsAsync("coach", "ada");
        await _accounts.GrantConsentAsync("ada", "coach", ApiScopes.Read, None);
        await _roster.FileAsync("coach", "ada", "Spring", None);

        await _accounts.RevokeConsentAsync("ada", "coach", None);
        var whileWithdrawn = await _roster.ListAsync("coach", None);
        var cohortWhileWithdrawn = await _roster.CohortOfAsync("coach", "ada", None);
        await _accounts.GrantConsentAsync("ada", "coach", ApiScopes.Read | ApiScopes.Write, None);

        Assert.Empty(whileWithdrawn);
        Assert.Null(cohortWhileWithdrawn);
        Assert.Equal("Spring", Assert.Single(await _roster.ListAsync("coach", None)).Cohort);
    }

    [Fact]
    public async Task Two_coaches_of_one_client_file_them_independently_and_a_blank_name_unfiles()
    {
        await AccountsAsync("coach", "other", "ada");
        await _accounts.GrantConsentAsync("ada", "coach", ApiScopes.Read, None);
        await _accounts.GrantConsentAsync("ada", "other", ApiScopes.Read, None);

        await _roster.FileAsync("coach", "ada", "Spring", None);
        await _roster.FileAsync("other", "ada", "Tuesday group", None);
        var cleared = await _roster.FileAsync("other", "ada", "   ", None);

        Assert.Null(cleared?.Cohort);
        Assert.NotNull(cleared);
        Assert.Equal("Spring", await _roster.CohortOfAsync("coach", "ada", None));
        Assert.Null(await _roster.CohortOfAsync("other", "ada", None));
    }

    [Theory]
    [InlineData("Spring\u00002027")]
    [InlineData("Spring\u001b[31m")]
    public async Task A_cohort_name_with_control_characters_is_refused_naming_the_field(string name)
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => _roster.FileAsync("coach", "ada", name, None));

        Assert.Equal(("cohort.bad-name", "cohort"), (refused.Code, refused.Target));
    }

    [Fact]
    public void A_cohort_name_is_one_line_of_at_most_80_characters()
    {
        Assert.Equal(new string('x', 80), CohortName.Parse(new string('x', 80), "cohort"));
        Assert.Equal("Spring 2027", CohortName.Parse("Spring\r\n2027", "cohort"));
        Assert.Null(CohortName.Parse(null, "cohort"));
        Assert.Equal("cohort", Assert.Throws<DomainException>(() => CohortName.Parse(" (None) ", "cohort")).Target);
        var tooLong = Assert.Throws<DomainException>(() => CohortName.Parse(new string('x', 81), "cohort"));
        Assert.Contains("80", tooLong.Message, StringComparison.Ordinal);
    }

    private async Task AccountsAsync(string coach, params string[] others)
    {
        await _accounts.CreateAccountAsync(coach, AccountKind.Coach, coach, "UTC", None);
        foreach (var id in others)
        {
            await _accounts.CreateAccountAsync(id, id == "other" ? AccountKind.Coach : AccountKind.Owner, id, "UTC", None);
        }
    }
}
