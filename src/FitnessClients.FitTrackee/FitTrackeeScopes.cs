namespace FitnessClients.FitTrackee;

/// <summary>The OAuth scopes this SDK uses (FitTrackee defines more; unknown scopes are dropped by the server).</summary>
public static class FitTrackeeScopes
{
    /// <summary>List, read and download workouts, and list sports.</summary>
    public const string WorkoutsRead = "workouts:read";

    /// <summary>Upload, create, edit and delete workouts.</summary>
    public const string WorkoutsWrite = "workouts:write";

    /// <summary>Read the profile: the user's timezone, needed to date manual workouts.</summary>
    public const string ProfileRead = "profile:read";

    /// <summary>What backup, upload and sync need.</summary>
    public static IReadOnlyList<string> Default { get; } = [WorkoutsRead, WorkoutsWrite, ProfileRead];
}
