namespace Outreach.Functions.Tests.Support;

/// <summary>The one log sink every <see cref="FunctionAppFactory"/> writes to during a test run.</summary>
internal static class CapturedLog
{
    public static CapturingLoggerProvider Provider { get; } = new();
}
