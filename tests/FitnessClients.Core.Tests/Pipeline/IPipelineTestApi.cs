using Refit;

namespace FitnessClients.Core.Tests.Pipeline;

/// <summary>The typed interface a service package would declare, for the pipeline tests.</summary>
public interface IPipelineTestApi
{
    [Get("/api/athlete")]
    Task<PipelineAthlete> GetAthleteAsync(CancellationToken cancellationToken = default);

    [Get("/api/items/{id}")]
    Task<PipelineItem> GetItemAsync(long id, CancellationToken cancellationToken = default);
}

public sealed record PipelineAthlete(long Id, string Name);

public sealed record PipelineItem(long Id, string Name);
