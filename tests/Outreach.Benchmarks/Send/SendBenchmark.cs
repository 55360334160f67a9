using Outreach.Benchmarks.Infrastructure;

namespace Outreach.Benchmarks.Send;

/// <summary>
/// Messages per second through the whole send path on real Azurite and maildev: queue receive → load task, contact,
/// profile, suppressions, cap → render → ETag claim → Message-ID index → SMTP → mark sent + activity + metrics → queue
/// delete, against a bare single-SmtpClient loop to the same maildev in the same run. The pipeline runs twice: with
/// the host's concurrency (<c>--batch</c> messages in flight, as host.json batchSize, over a transport pool of as many
/// connections) and with one message at a time over one connection. Each phase checks maildev holds exactly N messages
/// and every task is sent. Tasks are spread over owners of 40 each (a student's daily cap), interleaved on the queue,
/// since one owner's sends share one SenderActivity row and a real queue mixes many students. Options: <c>--messages N</c> (default 2000), <c>--batch B</c> (default 16).
/// </summary>
internal sealed class SendBenchmark : IBenchmark
{
    public string Name => "send";

    public string Description => "messages/s queue → render → claim → SMTP → mark vs bare SmtpClient loop (--messages 2000 --batch 16)";

    public async Task RunAsync(BenchmarkArguments arguments, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var count = arguments.Int("messages", 2000);
        var batch = arguments.Int("batch", 16);
        await using var services = await SendServices.StartAsync(cancellationToken);

        var concurrent = await services.MeasurePipelineAsync(count, batch, cancellationToken);
        report.Figure($"send.pipeline_batch_{batch}.messages_per_s", concurrent, "messages/s");

        var single = await services.MeasurePipelineAsync(count, 1, cancellationToken);
        report.Figure("send.pipeline_single_connection.messages_per_s", single, "messages/s");

        var bare = await services.MeasureBareAsync(count, cancellationToken);
        report.Figure("send.bare_smtpclient.messages_per_s", bare, "messages/s");

        report.Ratio("send.pipeline_vs_bare_smtp", concurrent, bare, target: 0.7);
        report.Ratio("send.pipeline_single_connection_vs_bare_smtp", single, bare);
    }
}
