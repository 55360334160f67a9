using System.Net.Sockets;
using System.Text;

namespace Outreach.Mail.Tests.Support;

/// <summary>
/// Submits an existing RFC 5322 file (e.g. a pickup-directory .eml) unchanged over SMTP, so a real mail parser
/// (maildev's) can prove the file is well-formed. Dot-stuffs lines as SMTP requires.
/// </summary>
internal static class RawSmtpSubmitter
{
    public static async Task SubmitAsync(int port, string from, string to, string rawMessage, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await ExpectAsync(reader, "220", cancellationToken);
        await CommandAsync(writer, reader, "EHLO localhost", "250", cancellationToken);
        await CommandAsync(writer, reader, $"MAIL FROM:<{from}>", "250", cancellationToken);
        await CommandAsync(writer, reader, $"RCPT TO:<{to}>", "250", cancellationToken);
        await CommandAsync(writer, reader, "DATA", "354", cancellationToken);
        foreach (var line in rawMessage.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            await writer.WriteLineAsync(line.StartsWith('.') ? "." + line : line);
        }

        await CommandAsync(writer, reader, ".", "250", cancellationToken);
        await CommandAsync(writer, reader, "QUIT", "221", cancellationToken);
    }

    private static async Task CommandAsync(StreamWriter writer, StreamReader reader, string command, string expected, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(command);
        await ExpectAsync(reader, expected, cancellationToken);
    }

    private static async Task ExpectAsync(StreamReader reader, string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The server closed the connection.");
            if (line.Length > 3 && line[3] == '-')
            {
                continue;
            }

            if (!line.StartsWith(expected, StringComparison.Ordinal))
            {
                throw new IOException($"Expected {expected}, got '{line}'.");
            }

            return;
        }
    }
}
