namespace Outreach.Functions.Tests.Imports;

/// <summary>Hands out the first half of the file, then waits until cancelled.</summary>
internal sealed class GatedStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int GateAt { get; } = bytes.Length / 2;

    public Task Reached => _reached.Task;

    public override bool CanSeek => false;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= GateAt)
        {
            _reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Read(buffer.Span[..(int)Math.Min(buffer.Length, GateAt - Position)]);
    }
}
