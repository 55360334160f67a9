using System.Diagnostics;
using Outreach.Testing.LocalServices;

namespace Outreach.Storage.Tests;

public sealed class AzuriteFixtureTests
{
    [Fact]
    public async Task Azurite_process_is_gone_after_the_fixture_is_disposed()
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var pid = azurite.ProcessId;
        Assert.NotEqual(0, pid);
        Assert.False(Process.GetProcessById(pid).HasExited);

        await azurite.DisposeAsync();

        Assert.False(IsRunning(pid));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
    }
}
