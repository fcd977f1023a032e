namespace FitnessClients.FitTrackee.Models;

/// <summary>Visibility values of a workout, its analysis and its map.</summary>
public static class FitTrackeeVisibility
{
    /// <summary>Only the owner.</summary>
    public const string Private = "private";

    /// <summary>The owner and their followers.</summary>
    public const string FollowersOnly = "followers_only";

    /// <summary>Everyone.</summary>
    public const string Public = "public";
}
