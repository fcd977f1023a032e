namespace FitnessClients.FitTrackee.Models;

/// <summary>
/// FitTrackee's envelope around every JSON answer: <c>{"status": "success", "data": {…}, "pagination": {…}}</c>.
/// Returned as is by <see cref="Api.IFitTrackeeApi"/>; the facade unwraps it.
/// </summary>
/// <typeparam name="TData">The shape of <c>data</c>.</typeparam>
public sealed record FitTrackeeResponse<TData>
{
    /// <summary><c>success</c> or <c>created</c> on success; failures never get here (they become exceptions).</summary>
    public string? Status { get; init; }

    /// <summary>A message the server added, if any.</summary>
    public string? Message { get; init; }

    /// <summary>The payload.</summary>
    public TData? Data { get; init; }

    /// <summary>The paging envelope of a list; absent elsewhere.</summary>
    public FitTrackeePagination? Pagination { get; init; }
}
