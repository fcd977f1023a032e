namespace FitnessClients.Testing;

/// <summary>
/// A workout file the server refuses, with FitTrackee's status word and message. Status <c>error</c> becomes a JSON 500
/// (how FitTrackee reports parse failures such as <c>&lt;time&gt; is missing in gpx file</c>); others a 400.
/// </summary>
internal sealed class FitTrackeeFileException(string status, string message) : Exception(message)
{
    public string Status { get; } = status;
}
