using System.Diagnostics;
using System.Text.Json;
using Outreach.Benchmarks.Infrastructure;
using Outreach.Core.Outcomes;

namespace Outreach.Benchmarks.Outcomes;

/// <summary>
/// Throughput of the pure inbound path (parse a Postmark-shaped JSON body, dedupe key, classify) over a mix of
/// replies, out-of-office answers and bounces, and the bytes allocated per message.
/// </summary>
internal sealed class InboundBenchmark : IBenchmark
{
    public string Name => "inbound";

    public string Description => "parse + dedupe key + classify inbound webhooks (--messages 20000)";

    public Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var count = arguments.Int("messages", 20_000);
        var bodies = Enumerable.Range(0, count).Select(Payload).ToArray();
        var parser = new InboundPayloadParser(TimeProvider.System);

        // Warm-up so JIT and regex construction are not measured.
        foreach (var body in bodies.Take(200))
        {
            InboundClassifier.Classify(parser.ParseJson(body).Message);
        }

        var kinds = new int[3];
        var messages = new InboundMessage[count];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var parse = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            messages[i] = parser.ParseJson(bodies[i]).Message;
        }

        parse.Stop();
        var classify = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            _ = DedupeKeys.ForInbound(message);
            kinds[(int)InboundClassifier.Classify(message).Kind]++;
        }

        classify.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        // CPU time as well as wall time: on a shared, loaded machine the wall-clock figures mostly measure the queue.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        report.Figure("inbound.messages_per_second", count / (parse.Elapsed + classify.Elapsed).TotalSeconds, "messages/s");
        report.Figure("inbound.parse_microseconds_per_message", parse.Elapsed.TotalMicroseconds / count, "us");
        report.Figure("inbound.classify_microseconds_per_message", classify.Elapsed.TotalMicroseconds / count, "us");
        report.Figure("inbound.cpu_microseconds_per_message", cpu.TotalMicroseconds / count, "us");
        report.Figure("inbound.allocated_per_message", allocated / (double)count, "bytes");
        report.Figure("inbound.replies", kinds[(int)InboundKind.Reply], "messages");
        report.Figure("inbound.auto_replies", kinds[(int)InboundKind.AutoReply], "messages");
        report.Figure("inbound.bounces", kinds[(int)InboundKind.Bounce], "messages");
        return Task.CompletedTask;
    }

    private static string Payload(int i)
    {
        var (subject, headers, text) = (i % 10) switch
        {
            0 => ("Automatic reply: Thank you", new[] { ("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All") }, "I am out of the office."),
            1 => ("Undelivered Mail Returned to Sender", [("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"b\"")],
                $"<gone{i}@x.example>: 550 5.1.1 User unknown\n\nFinal-Recipient: rfc822; gone{i}@x.example\nStatus: 5.1.1\n\nMessage-ID: <sent-{i}@student.example>\n"),
            _ => ("Re: Thank you for visiting our class", Array.Empty<(string, string)>(), $"Thanks, happy to stay in touch. {new string('x', 400)}"),
        };
        var allHeaders = headers.Concat([("Message-ID", $"<reply-{i}@mail.example>"), ("In-Reply-To", $"<sent-{i}@student.example>"), ("References", $"<sent-{i}@student.example>")]);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["FromFull"] = new { Email = $"person{i}@contoso.example", Name = "Doe, Jane" },
            ["To"] = $"reply+t{i}@in.outreach.example",
            ["Subject"] = subject,
            ["MessageID"] = Guid.NewGuid().ToString(),
            ["Date"] = "Mon, 2 Mar 2026 10:14:58 +0000",
            ["TextBody"] = text,
            ["Headers"] = allHeaders.Select(h => new { Name = h.Item1, Value = h.Item2 }).ToArray(),
        });
    }
}
