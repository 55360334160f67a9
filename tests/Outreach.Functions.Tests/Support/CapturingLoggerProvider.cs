using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Outreach.Functions.Tests.Support;

/// <summary>Keeps every formatted log message, with its exception text, for checks over what the app logs.</summary>
[ProviderAlias("Captured")]
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    // Shared by every app in the run; disposing one host must not stop the others' capture.
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // Structured values reach sinks like Application Insights even when the message template omits them.
                foreach (var (key, value) in values)
                {
                    lines.Enqueue($"  {key}={value}");
                }
            }
        }
    }
}
