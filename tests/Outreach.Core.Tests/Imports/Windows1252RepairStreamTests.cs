using System.Text;
using Outreach.Core.Imports;

namespace Outreach.Core.Tests.Imports;

public sealed class Windows1252RepairStreamTests
{
    /// <summary>UTF-8 of every length, with Windows-1252 bytes (é, ü, €) between, before and after them.</summary>
    private static readonly byte[] Mixed = [.. Enumerable.Range(0, 400).SelectMany(i => (i % 5) switch
    {
        0 => Encoding.UTF8.GetBytes($"Zoë,Ångström{i},€ 5 – 日本 😀\n"),
        1 => [(byte)'J', (byte)'o', (byte)'s', 0xE9, (byte)',', (byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r', 0x80, (byte)'\n'],
        2 => [0xE9, 0xE9, 0xE9, (byte)'\n'],
        3 => [0xC3, (byte)'x', 0xE2, 0x82, (byte)'\n'], // the lead of é and of € with what does not follow them in UTF-8
        _ => Encoding.UTF8.GetBytes(new string('a', i % 70) + "\n"),
    })];

    public static TheoryData<int, int> Sizes => new()
    {
        { 1, 1 }, { 1, 4096 }, { 3, 7 }, { 7, 63 }, { 64, 64 }, { 1000, 65 }, { 1 << 20, 1 << 20 }, { 5, 1 << 16 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Reads_give_the_whole_text_with_stray_bytes_as_windows1252_however_the_reads_fall(int sourceChunk, int readSize)
    {
        var expected = Encoding.UTF8.GetBytes(Windows1252ByteFallback.Utf8.GetString(Mixed));

        Assert.Equal(expected, await ReadAllAsync(new Windows1252RepairStream(new TrickleStream(Mixed, sourceChunk), Windows1252ByteFallback.Utf8), readSize));
        Assert.Equal(expected, ReadAll(new Windows1252RepairStream(new TrickleStream(Mixed, sourceChunk), Windows1252ByteFallback.Utf8), readSize));
        Assert.Contains("José,Müller€", Encoding.UTF8.GetString(expected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_utf8_file_comes_through_byte_for_byte_in_reads_of_the_size_asked()
    {
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"Zoë,Ångström{i},€ 5 – 日本 😀\n")));
        var stream = new Windows1252RepairStream(new TrickleStream(utf8, 1 << 20), Windows1252ByteFallback.Utf8);
        var buffer = new byte[1 << 20];

        // The reader's MiB is filled by one read of the source (less a cut character), not a chunk of the repair's own.
        var first = await stream.ReadAsync(buffer);

        var rest = await ReadAllAsync(stream, 1 << 20);
        byte[] whole = [.. buffer.AsSpan(0, first), .. rest];

        Assert.InRange(first, buffer.Length - 3, buffer.Length);
        Assert.Equal(utf8, whole);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, int readSize)
    {
        var all = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    private static byte[] ReadAll(Stream stream, int readSize)
    {
        var all = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    /// <summary>Gives at most <paramref name="chunk"/> bytes a read, as a network stream does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => data.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
