using System.Net.Http.Json;
using System.Text.Json;

namespace Outreach.Testing.LocalServices;

/// <summary>
/// A real maildev 2.2.1 SMTP inbox on free loopback ports, with a small client for its REST API
/// (<c>GET /email</c>, <c>DELETE /email/all</c>, <c>GET /healthz</c>). Open to anyone, unless a derived fixture gives
/// credentials (<see cref="AuthenticatedMailDevFixture"/>): then maildev takes mail only after AUTH with them.
/// </summary>
public class MailDevFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly (string User, string Password)? _credentials;
    private NodeProcess? _process;

    /// <summary>An inbox that takes mail without authentication.</summary>
    public MailDevFixture()
    {
    }

    /// <summary>An inbox that takes mail only from a client that logs in as <paramref name="user"/>.</summary>
    protected MailDevFixture(string user, string password) => _credentials = (user, password);

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public Uri WebUri => new($"http://127.0.0.1:{WebPort}/");

    public int ProcessId => _process?.Id ?? 0;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        // maildev cannot report a port it picked itself, so pick free ones and retry on a lost race.
        for (var attempt = 1; ; attempt++)
        {
            SmtpPort = NodeProcess.FreeLoopbackPort();
            WebPort = NodeProcess.FreeLoopbackPort();
            _process = NodeProcess.Start(
                RepositoryRoot.NodeModule("maildev/bin/maildev"),
                ["--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "--ip", "127.0.0.1", "--silent",
                 .. _credentials is { } login ? (string[])["--incoming-user", login.User, "--incoming-pass", login.Password] : []]);
            if (await WaitHealthyAsync())
            {
                return;
            }

            var output = _process.Output;
            await _process.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"maildev did not start within {StartTimeout.TotalSeconds:0} s. Output:\n{output}");
            }
        }
    }

    /// <summary>Every message maildev holds, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        var emails = await Http.GetFromJsonAsync<JsonElement[]>(new Uri(WebUri, "email"), cancellationToken);
        return emails ?? [];
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived, then returns them all.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForEmailsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var emails = await GetEmailsAsync(cancellationToken);
            if (emails.Count >= count)
            {
                return emails;
            }

            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} messages in maildev within {timeout}, found {emails.Count}.");
            }
        }
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.DeleteAsync(new Uri(WebUri, "email/all"), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task<bool> WaitHealthyAsync()
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (elapsed.Elapsed < StartTimeout && _process is { HasExited: false })
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(WebUri, "healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return false;
    }
}
