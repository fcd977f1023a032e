namespace FitnessClients.FitTrackee.Models;

/// <summary>FitTrackee's envelope: <c>{"status": "success", "data": {…}, "pagination": {…}}</c>.</summary>
internal sealed record FitTrackeeResponse<TData>
{
    public string? Status { get; init; }

    public string? Message { get; init; }

    public TData? Data { get; init; }

    public FitTrackeePagination? Pagination { get; init; }
}
