using System.Collections.Concurrent;
using System.Net.Mail;

namespace Outreach.Mail.Smtp;

/// <summary>
/// At most N SmtpClients, each used by one send at a time (SmtpClient is not thread-safe). A client that saw a
/// failure is disposed rather than reused, since its connection state is unknown.
/// </summary>
internal sealed class SmtpClientPool : IDisposable
{
    private readonly Func<SmtpClient> _create;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public SmtpClientPool(Func<SmtpClient> create, int size)
    {
        _create = create;
        _slots = new SemaphoreSlim(size, size);
    }

    public async Task<SmtpClient> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return _idle.TryTake(out var client) ? client : _create();
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
            _idle.Add(client);
        }
        else
        {
            client.Dispose();
        }

        _slots.Release();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }

        _slots.Dispose();
    }
}
