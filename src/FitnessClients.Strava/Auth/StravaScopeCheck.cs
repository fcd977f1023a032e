using FitnessClients.Core;
using FitnessClients.Core.Tokens;

namespace FitnessClients.Strava.Auth;

/// <summary>
/// Fails early and clearly when a stored token lacks a scope, instead of letting Strava answer 401
/// <c>activity:read_permission missing</c> (or silently leave private activities out) halfway through a backup.
/// </summary>
public static class StravaScopeCheck
{
    /// <summary>Throws <see cref="AuthenticationRequiredException"/> naming every missing scope and how to sign in again with them.</summary>
    /// <example><code>StravaScopeCheck.Require(token, StravaScopes.ActivityReadAll);</code></example>
    public static void Require(OAuthToken token, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(scopes);
        var missing = Missing(token, scopes);
        if (missing.Count == 0)
        {
            return;
        }

        var list = string.Join(", ", missing);
        var flags = string.Join(' ', missing.Select(s => "--scope " + s));
        throw new AuthenticationRequiredException(
            $"The Strava authorization does not include the scope{(missing.Count == 1 ? string.Empty : "s")} {list} " +
            $"(granted: {(token.Scopes.IsDefaultOrEmpty ? "none recorded" : string.Join(",", token.Scopes))}). " +
            $"Sign in again and tick {(missing.Count == 1 ? "it" : "them")} on Strava's page, e.g. `fitness strava login {flags}`.")
        {
            Service = "strava",
        };
    }

    /// <summary>The requested scopes the token does not have; <c>activity:read_all</c> also satisfies <c>activity:read</c>, <c>read_all</c> satisfies <c>read</c>.</summary>
    public static IReadOnlyList<string> Missing(OAuthToken token, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(scopes);
        var granted = token.Scopes.IsDefault ? [] : token.Scopes;
        return scopes
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Distinct(StringComparer.Ordinal)
            .Where(s => !Satisfied(granted, s))
            .ToList();
    }

    private static bool Satisfied(IReadOnlyCollection<string> granted, string scope) =>
        granted.Contains(scope, StringComparer.Ordinal)
        || (scope == StravaScopes.ActivityRead && granted.Contains(StravaScopes.ActivityReadAll, StringComparer.Ordinal))
        || (scope == StravaScopes.Read && granted.Contains(StravaScopes.ReadAll, StringComparer.Ordinal));
}
