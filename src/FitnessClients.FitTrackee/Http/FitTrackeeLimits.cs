namespace FitnessClients.FitTrackee.Http;

/// <summary>The last upload limit read from the instance's <c>/api/config</c>, so a 413 can name it.</summary>
internal sealed class FitTrackeeLimits
{
    private long _maxSingleFileSize = -1;

    public long? MaxSingleFileSize
    {
        get => Interlocked.Read(ref _maxSingleFileSize) is var value and >= 0 ? value : null;
        set => Interlocked.Exchange(ref _maxSingleFileSize, value ?? -1);
    }
}
