using System.IO.Compression;

namespace FitnessClients.GarminConnect.Tests.Support;

/// <summary>Response bodies for download tests: one that waits for the test before sending the rest, one that breaks mid-way, and ZIPs.</summary>
internal static class TestStreams
{
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static HttpResponseMessage Respond(Stream body, string mediaType = "application/octet-stream", long? length = null)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
    }
}

/// <summary>Serves <c>head</c>, then waits for <see cref="Release"/> before serving <c>tail</c>: a download that is still on the wire.</summary>
internal sealed class GatedStream(byte[] head, byte[] tail) : Stream
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _position;

    public bool HeadServed => _position >= head.Length;

    public void Release() => _gate.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= head.Length)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        var all = head.Length + tail.Length;
        if (_position >= all)
        {
            return 0;
        }

        var source = _position < head.Length ? head.AsMemory(_position) : tail.AsMemory(_position - head.Length);
        var count = Math.Min(source.Length, buffer.Length);
        source[..count].CopyTo(buffer);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Serves <c>bytes</c>, then fails as a reset connection does.</summary>
internal sealed class BreakingStream(byte[] bytes) : Stream
{
    private int _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position >= bytes.Length)
        {
            throw new IOException("Connection reset by peer (simulated).");
        }

        var n = Math.Min(count, bytes.Length - _position);
        Array.Copy(bytes, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
