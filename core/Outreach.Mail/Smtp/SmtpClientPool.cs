using System.Collections.Concurrent;
using System.Net.Mail;

namespace Outreach.Mail.Smtp;

/// <summary>
/// At most N SmtpClients, each used by one send at a time (SmtpClient is not thread-safe). An SmtpClient keeps its
/// connection open between sends, so reusing clients saves a TCP connect, EHLO, STARTTLS and AUTH per message.
/// A client idle longer than the idle timeout is disposed rather than reused (servers drop idle sessions, and a
/// send on a dropped session would fail); a client that saw a failure is disposed, since its state is unknown.
/// </summary>
internal sealed class SmtpClientPool : IDisposable
{
    private readonly Func<SmtpClient> _create;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<(SmtpClient Client, long ReturnedAt)> _idle = new();

    public SmtpClientPool(Func<SmtpClient> create, int size, TimeSpan idleTimeout, TimeProvider time)
    {
        _create = create;
        _idleTimeout = idleTimeout;
        _time = time;
        _slots = new SemaphoreSlim(size, size);
    }

    public async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (_idle.TryPop(out var entry))
            {
                if (_time.GetElapsedTime(entry.ReturnedAt) < _idleTimeout)
                {
                    return entry.Client;
                }

                entry.Client.Dispose();
            }

            return _create();
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Return(SmtpClient client, bool reusable)
    {
        if (reusable)
        {
            _idle.Push((client, _time.GetTimestamp()));
        }
        else
        {
            client.Dispose();
        }

        _slots.Release();
    }

    public void Dispose()
    {
        while (_idle.TryPop(out var entry))
        {
            entry.Client.Dispose();
        }

        _slots.Dispose();
    }
}
