using Outreach.Core.Introductions;
using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Sending;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Introductions;

public sealed class ConsentLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://school.example/outreach", "https://school.example/outreach/api/introductions/consent/")]
    [InlineData("https://school.example/outreach/", "https://school.example/outreach/api/introductions/consent/")]
    [InlineData("https://outreach.example", "https://outreach.example/api/introductions/consent/")]
    public void The_link_keeps_the_path_of_the_apps_base_url_with_or_without_a_final_slash(string baseUrl, string expectedPrefix)
    {
        var time = new ManualTimeProvider(Now);
        var tokens = new SignedTokenService(new SigningKeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] }), time);
        var links = new ConsentLinks(tokens, new SendingOptions { PublicBaseUrl = new Uri(baseUrl) }, time);

        var link = links.For(Awaiting())!.AbsoluteUri;

        Assert.StartsWith(expectedPrefix, link, StringComparison.Ordinal);
        Assert.NotNull(links.Read(link[expectedPrefix.Length..]));
    }

    private static Introduction Awaiting() => new()
    {
        IntroductionId = "i-1",
        OwnerId = "o-1",
        PersonAContactId = "c-ada",
        PersonBContactId = "c-grace",
        Reason = "Ada should meet Grace about compilers",
        ConsentToken = "0123456789abcdef0123",
        State = IntroductionState.AwaitingConsent,
        RequestedAt = Now,
        ConsentDeadline = Now.AddDays(7),
    };
}
