namespace Outreach.Functions.Tests.Imports;

/// <summary>Hands out the first half of the file, then waits until opened (<see cref="Open"/>) or cancelled.</summary>
internal sealed class GatedStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int GateAt { get; } = bytes.Length / 2;

    public Task Reached => _reached.Task;

    /// <summary>Lets the reader go on to the end of the file, as a run that hung and comes back to life does.</summary>
    public void Open() => _open.TrySetResult();

    public override bool CanSeek => false;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= GateAt && !_open.Task.IsCompleted)
        {
            _reached.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }

        var limit = Position < GateAt ? (int)Math.Min(buffer.Length, GateAt - Position) : buffer.Length;
        return Read(buffer.Span[..limit]);
    }
}
