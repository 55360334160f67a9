using Microsoft.Extensions.Options;
using Outreach.Functions.Tests.Support;

namespace Outreach.Functions.Tests.Dispatching;

/// <summary>
/// <c>Dispatching:StuckSendAfter</c> decides when a queued email counts as lost: too short a limit would take a send
/// request still waiting out its retries for a lost one, so the app refuses to start with it, naming the setting.
/// </summary>
public sealed class StuckSendSettingTests : IDisposable
{
    private readonly TestAppRoot _root = TestAppRoot.Create();

    [Fact]
    public void A_stuck_send_limit_shorter_than_the_queue_retries_stops_start_up_naming_the_setting()
    {
        var error = FunctionAppFactory.StartFailure<OptionsValidationException>(
            () => FunctionAppFactory.AsHost(_root.Path, _ => { }, ("Dispatching:StuckSendAfter", "00:02:00")));

        Assert.Contains("Dispatching:StuckSendAfter must be between 00:15:00 and 7.00:00:00", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Dispose();
}
