using System.Diagnostics;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Messaging.Defaults;
using Outreach.Core.Messaging.Delivery;
using Outreach.Core.Messaging.Templates;
using Outreach.Mail.Smtp;
using Outreach.Testing.LocalServices;

namespace Outreach.Benchmarks.Mail;

/// <summary>
/// Messages per second into a real maildev: a bare SmtpClient loop (the floor System.Net.Mail allows) against
/// <see cref="SmtpMailTransport"/> sending one at a time and in parallel. The transport builds the same
/// multipart message plus Outreach's headers, so the ratio shows what the abstraction costs. Every phase checks
/// that maildev holds exactly the number of messages sent. A bare loop with a new SmtpClient per send shows what
/// the transport's client pool saves (SmtpClient keeps its connection open between sends).
/// Options: <c>--messages N</c> (default 500), <c>--parallel P</c> (default 4).
/// </summary>
internal sealed class SmtpBenchmark : IBenchmark
{
    public string Name => "smtp";

    public string Description => "messages/s to maildev: bare SmtpClient loop vs SmtpMailTransport (--messages 500 --parallel 4)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var count = arguments.Int("messages", 500);
        var parallel = arguments.Int("parallel", 4);
        var maildev = new MailDevFixture();
        await maildev.InitializeAsync();
        try
        {
            var rendered = new TemplateRenderer().Render(DefaultTemplates.For(TemplateKind.ThankYou), SampleModel());
            var bare = await MeasureAsync(maildev, count, () => BareLoopAsync(maildev.SmtpPort, rendered, count, newClientPerSend: false, cancellationToken), cancellationToken);
            report.Figure("smtp.bare_smtpclient.messages_per_s", bare, "messages/s");

            var fresh = await MeasureAsync(maildev, count, () => BareLoopAsync(maildev.SmtpPort, rendered, count, newClientPerSend: true, cancellationToken), cancellationToken);
            report.Figure("smtp.bare_new_smtpclient_per_send.messages_per_s", fresh, "messages/s");

            var sequential = await MeasureAsync(maildev, count, () => TransportAsync(maildev.SmtpPort, rendered, count, 1, cancellationToken), cancellationToken);
            report.Figure("smtp.transport.messages_per_s", sequential, "messages/s");

            var concurrent = await MeasureAsync(maildev, count, () => TransportAsync(maildev.SmtpPort, rendered, count, parallel, cancellationToken), cancellationToken);
            report.Figure($"smtp.transport_parallel_{parallel}.messages_per_s", concurrent, "messages/s");

            report.Ratio("smtp.transport_vs_bare", sequential, bare, target: 0.8);
            report.Ratio($"smtp.transport_parallel_{parallel}_vs_bare", concurrent, bare);
        }
        finally
        {
            await maildev.DisposeAsync();
        }
    }

    private static async Task<double> MeasureAsync(MailDevFixture maildev, int count, Func<Task> send, CancellationToken cancellationToken)
    {
        await maildev.DeleteAllAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        await send();
        watch.Stop();
        var delivered = (await maildev.WaitForEmailsAsync(count, TimeSpan.FromMinutes(2), cancellationToken)).Count;
        if (delivered != count)
        {
            throw new InvalidOperationException($"Sent {count} messages but maildev holds {delivered}.");
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    internal static async Task BareLoopAsync(int port, RenderedMessage rendered, int count, bool newClientPerSend, CancellationToken cancellationToken)
    {
        var client = new SmtpClient("127.0.0.1", port) { EnableSsl = false };
        for (var i = 0; i < count; i++)
        {
            if (newClientPerSend && i > 0)
            {
                client.Dispose();
                client = new SmtpClient("127.0.0.1", port) { EnableSsl = false };
            }

            using var mail = new MailMessage(new MailAddress("sam@students.example.edu", "Sam Ortiz"), new MailAddress($"contact{i}@example.org"))
            {
                Subject = rendered.Subject,
                SubjectEncoding = Encoding.UTF8,
            };
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(rendered.Text, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(rendered.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
            await client.SendMailAsync(mail, cancellationToken);
        }

        client.Dispose();
    }

    private static async Task TransportAsync(int port, RenderedMessage rendered, int count, int parallel, CancellationToken cancellationToken)
    {
        using var transport = new SmtpMailTransport(
            new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, MaxConnections = parallel },
            TimeProvider.System,
            NullLogger<SmtpMailTransport>.Instance);
        var unsubscribe = UnsubscribeLinks.For(new Uri("https://app.example/"), "k1.payload.signature", "unsubscribe@app.example");
        var sends = Enumerable.Range(0, count).Select(async i =>
        {
            var message = new OutgoingMessageBuilder()
                .From("sam@students.example.edu", "Sam Ortiz")
                .To($"contact{i}@example.org")
                .Content(rendered)
                .Unsubscribe(unsubscribe)
                .Build();
            var result = await transport.SendAsync(message, cancellationToken);
            if (result.Kind != SendResultKind.Sent)
            {
                throw new InvalidOperationException($"Send {i} ended {result.Kind}.");
            }
        });
        await Task.WhenAll(sends);
    }

    private static TemplateModel SampleModel() => new()
    {
        Recipient = new PersonDetails { FirstName = "Priya", Company = "Northwind Analytics" },
        Topic = "pricing experiments",
        Sender = new SenderDetails { FirstName = "Sam", LastName = "Ortiz" },
        UnsubscribeUrl = new Uri("https://app.example/api/unsubscribe/k1.payload.signature"),
    };
}
