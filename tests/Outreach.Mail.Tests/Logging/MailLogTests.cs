using Microsoft.Extensions.Logging;
using Outreach.Core.Messaging.Delivery;
using Outreach.Mail.Pickup;
using Outreach.Mail.Tests.Support;

namespace Outreach.Mail.Tests.Logging;

public sealed class MailLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outreach-maillog-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("<abc123@students.example.edu>", "abc123")]
    [InlineData(" <abc123@students.example.edu> ", "abc123")]
    [InlineData("abc123@students.example.edu", "abc123")]
    [InlineData("<no-domain>", "no-domain")]
    public void Only_the_unique_part_of_a_message_id_is_kept(string messageId, string expected) =>
        Assert.Equal(expected, new LoggedMessageId(messageId).ToString());

    [Fact]
    public async Task A_delivery_logs_the_message_id_without_the_sender_domain()
    {
        var logger = new ListLogger<PickupDirectoryMailTransport>();
        var transport = new PickupDirectoryMailTransport(new PickupDirectoryOptions { Directory = _directory }, logger);
        var message = SampleMessages.Note(messageId: "<log-1@students.example.edu>");

        await transport.SendAsync(message, CancellationToken.None);
        await transport.SendAsync(message, CancellationToken.None);

        Assert.NotEmpty(logger.Lines);
        Assert.All(logger.Lines, line => Assert.DoesNotContain("@", line, StringComparison.Ordinal));
        Assert.Contains(logger.Lines, line => line.Contains("log-1", StringComparison.Ordinal));
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    Lines.AddRange(pairs.Select(pair => $"{pair.Key}={pair.Value}"));
                }
            }
        }
    }
}
