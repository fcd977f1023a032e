namespace FitnessClients.Testing;

/// <summary>What the upload route reads from a FIT, GPX or TCX file to create the activity: start, duration, sport, GPS.</summary>
internal sealed record GarminUploadedFileInfo(
    GarminOriginalFormat Format,
    DateTime? StartUtc,
    double? ElapsedSeconds,
    double? Distance,
    string TypeKey,
    string? Name,
    bool HasPosition,
    uint? SerialNumber);
