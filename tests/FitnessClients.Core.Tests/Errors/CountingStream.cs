using FitnessClients.Tests.Shared;

namespace FitnessClients.Core.Tests.Errors;

/// <summary>An endless, non-seekable body that counts how many bytes were read from it.</summary>
internal sealed class CountingStream(byte fill) : ReadOnlyTestStream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Array.Fill(buffer, fill, offset, count);
        BytesRead += count;
        return count;
    }
}
