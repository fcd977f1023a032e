using System.Text.Json.Nodes;

namespace FitnessClients.Testing;

/// <summary>Writes <c>/userprofile-service/socialProfile</c>: the display name and <c>profileId</c> (the <c>userProfilePk</c> gear calls use).</summary>
internal static class GarminProfileWriter
{
    public static JsonObject Write(GarminAccount account) => new()
    {
        ["id"] = account.ProfileId + 562_000,
        ["profileId"] = account.ProfileId,
        ["garminGUID"] = account.Guid,
        ["displayName"] = account.DisplayName,
        ["fullName"] = account.FullName,
        ["userName"] = account.DisplayName,
        ["profileImageType"] = "UPLOADED_PHOTO",
        ["profileImageUrlLarge"] = GarminJson.ProfileImageUrl(account.ProfileId, "large"),
        ["profileImageUrlMedium"] = GarminJson.ProfileImageUrl(account.ProfileId, "medium"),
        ["profileImageUrlSmall"] = GarminJson.ProfileImageUrl(account.ProfileId, "small"),
        ["location"] = account.Location,
        ["facebookUrl"] = null,
        ["twitterUrl"] = null,
        ["personalWebsite"] = null,
        ["motivation"] = null,
        ["bio"] = null,
        ["primaryActivity"] = "running",
        ["favoriteActivityTypes"] = new JsonArray(),
        ["runningTrainingSpeed"] = 0.0,
        ["cyclingTrainingSpeed"] = 0.0,
        ["profileVisibility"] = "private",
        ["activityStartVisibility"] = "private",
        ["activityMapVisibility"] = "private",
        ["showAge"] = false,
        ["showWeight"] = false,
        ["showHeight"] = false,
        ["userRoles"] = GarminJson.UserRoles(),
        ["nameApproved"] = true,
        ["userProfileFullName"] = account.FullName,
        ["userLevel"] = 3,
        ["userPoint"] = 118,
        ["userPro"] = false,
    };
}
