namespace Outreach.Core.Imports;

/// <summary>
/// Gives back the bytes already read for detection, then the rest of the source, counting what was handed out
/// (for progress). Read-only and forward-only, like the upload it wraps.
/// </summary>
internal sealed class ReplayStream(byte[] prefix, int prefixLength, Stream source) : ForwardReadStream
{
    private int _prefixPosition;

    /// <summary>Bytes handed to the reader so far.</summary>
    public long BytesRead { get; private set; }

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefixLength)
        {
            return FromPrefix(buffer);
        }

        var read = source.Read(buffer);
        BytesRead += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < prefixLength)
        {
            return FromPrefix(buffer.Span);
        }

        var read = await source.ReadAsync(buffer, cancellationToken);
        BytesRead += read;
        return read;
    }

    private int FromPrefix(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, prefixLength - _prefixPosition);
        prefix.AsSpan(_prefixPosition, count).CopyTo(buffer);
        _prefixPosition += count;
        BytesRead += count;
        return count;
    }
}
