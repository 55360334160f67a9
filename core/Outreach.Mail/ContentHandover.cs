namespace Outreach.Mail;

/// <summary>
/// Notices when SmtpClient starts reading a message's body parts, which it does only once the server has answered
/// DATA with 354. A failure before that cannot have delivered the message, so a retry is safe; a failure after it
/// without the server's reply may have (the server can hold the whole message while its 250 is lost).
/// </summary>
internal sealed class ContentHandover
{
    private int _started;

    /// <summary>True once any body part was read for sending.</summary>
    public bool Started => Volatile.Read(ref _started) != 0;

    /// <summary>A read-only stream over <paramref name="content"/> that marks the handover when it is first read.</summary>
    public Stream Watch(byte[] content) => new WatchedStream(content, this);

    private void Mark() => Volatile.Write(ref _started, 1);

    /// <summary>Every read path of MemoryStream marks first, so no way SmtpClient reads the body is missed.</summary>
    private sealed class WatchedStream(byte[] content, ContentHandover handover) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            handover.Mark();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            handover.Mark();
            return base.Read(buffer);
        }

        public override int ReadByte()
        {
            handover.Mark();
            return base.ReadByte();
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            handover.Mark();
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            handover.Mark();
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override void CopyTo(Stream destination, int bufferSize)
        {
            handover.Mark();
            base.CopyTo(destination, bufferSize);
        }

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
        {
            handover.Mark();
            return base.CopyToAsync(destination, bufferSize, cancellationToken);
        }
    }
}
