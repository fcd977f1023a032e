namespace FitnessClients.Testing;

/// <summary>An upload being processed: ready at <see cref="ReadyAt"/> on the emulator clock, then an activity or a duplicate error.</summary>
internal sealed class StravaUpload(long id, string? externalId, DateTimeOffset readyAt, byte[] file, StravaOriginalFormat format, string hash, string? name)
{
    public long Id { get; } = id;

    public string? ExternalId { get; } = externalId;

    public DateTimeOffset ReadyAt { get; } = readyAt;

    public byte[] File { get; } = file;

    public StravaOriginalFormat Format { get; } = format;

    public string Hash { get; } = hash;

    public string? Name { get; } = name;

    public bool Processed { get; set; }

    public long? ActivityId { get; set; }

    public string? Error { get; set; }
}
