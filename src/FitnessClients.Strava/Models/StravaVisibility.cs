using System.Text.Json.Serialization;
using FitnessClients.Core.Json;

namespace FitnessClients.Strava.Models;

/// <summary>Who can see an activity (<c>visibility</c>). An open set.</summary>
/// <param name="Value">The text Strava sends.</param>
[JsonConverter(typeof(OpenEnumJsonConverter<StravaVisibility>))]
public readonly record struct StravaVisibility(string Value) : IOpenEnum<StravaVisibility>
{
    /// <summary><c>everyone</c>.</summary>
    public static StravaVisibility Everyone { get; } = new("everyone");

    /// <summary><c>followers_only</c>.</summary>
    public static StravaVisibility FollowersOnly { get; } = new("followers_only");

    /// <summary><c>only_me</c>.</summary>
    public static StravaVisibility OnlyMe { get; } = new("only_me");

    /// <summary>The values this SDK names; Strava adds more over time, which simply keep their text.</summary>
    public static IReadOnlyList<StravaVisibility> Known { get; } = [Everyone, FollowersOnly, OnlyMe];

    /// <summary>Whether this is one of <see cref="Known"/>.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <inheritdoc />
    public static StravaVisibility FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
