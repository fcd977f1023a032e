using System.Collections.Immutable;
using System.Text;
using FitnessClients.Core.Diagnostics;

namespace FitnessClients.Core.OAuth;

/// <summary>
/// A successful authorization redirect: the code to exchange, the state it echoed (already checked), the scopes
/// the user granted (Strava: <c>scope=read,activity:read_all</c>), and the whole decoded query.
/// </summary>
/// <remarks><see cref="ToString"/> does not print the code or the query.</remarks>
public sealed record AuthorizationCallback
{
    /// <summary>The authorization code; short-lived and single-use.</summary>
    public required string Code { get; init; }

    /// <summary>The state the redirect carried, equal to the one sent.</summary>
    public required string State { get; init; }

    /// <summary>The <c>scope</c> parameter as sent, or <see langword="null"/> when absent.</summary>
    public string? Scope { get; init; }

    /// <summary>The granted scopes, <see cref="Scope"/> split on commas and spaces; pass them to <see cref="OAuth2TokenResponse.ToToken"/>.</summary>
    public ImmutableArray<string> Scopes => OAuth2TokenResponse.SplitScopes(Scope);

    /// <summary>Every query parameter of the redirect, decoded (it includes the code).</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Reads the address the browser was sent back to, for machines where no local listener can receive it: the
    /// user signs in on any browser, then copies the address from its address bar (the page itself may well have
    /// failed to load) and pastes it.
    /// </summary>
    /// <param name="pastedUrl">
    /// Accepted: the full URL (any scheme, e.g. <c>https://localhost/?state=...&amp;code=...&amp;scope=...</c>),
    /// or just its query string, with or without the leading <c>?</c>. Surrounding quotes or angle brackets and
    /// any white space (including line breaks a terminal inserted) are ignored; a <c>#fragment</c> is dropped.
    /// A bare code is not accepted, because without the <c>state</c> next to it nothing proves the code belongs
    /// to this sign-in; pass a code obtained some other way straight to <see cref="OAuth2TokenClient.ExchangeCodeAsync"/>.
    /// </param>
    /// <param name="expectedState">The <see cref="AuthorizationRequest.State"/> that was sent.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="OAuthCallbackException">
    /// The text is not a redirect (<see cref="OAuthCallbackFailure.InvalidRedirect"/>), the state differs, the user
    /// cancelled, the service reported an error, or there is no code.
    /// </exception>
    public static AuthorizationCallback ParseRedirectUrl(string pastedUrl, string expectedState)
    {
        ArgumentNullException.ThrowIfNull(pastedUrl);
        ArgumentException.ThrowIfNullOrEmpty(expectedState);

        var text = RemoveWhiteSpace(pastedUrl).Trim('"', '\'', '<', '>');
        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            text = text[..fragment];
        }

        string query;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = text[(question + 1)..];
        }
        else if (text.Contains('=', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            query = text;
        }
        else
        {
            throw new OAuthCallbackException(
                text.Length == 0
                    ? "Nothing was pasted. Paste the whole address from the browser's address bar after signing in."
                    : "The pasted text is not the address the browser was sent back to: it has no '?' followed by the code and state. Paste the whole address from the address bar, including everything after '?'.",
                OAuthCallbackFailure.InvalidRedirect);
        }

        return FromQuery(QueryString.Parse(query), expectedState);
    }

    /// <summary>Validates decoded redirect parameters; shared by the paste fallback and the loopback listener.</summary>
    internal static AuthorizationCallback FromQuery(IReadOnlyList<KeyValuePair<string, string>> pairs, string expectedState)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!query.TryAdd(name, value) && name is "code" or "state" or "error" or "scope")
            {
                throw new OAuthCallbackException($"The redirect carries the parameter '{name}' more than once, which a genuine redirect never does. Start the sign-in again.", OAuthCallbackFailure.InvalidRedirect);
            }
        }

        query.TryGetValue("state", out var state);
        var stateMatches = state is not null && string.Equals(state, expectedState, StringComparison.Ordinal);

        if (query.TryGetValue("error", out var error) && error.Length > 0)
        {
            if (state is not null && !stateMatches)
            {
                throw StateMismatch(state);
            }

            query.TryGetValue("error_description", out var description);
            var safeError = Shorten(SecretScrubber.Scrub(error), 64);
            var safeDescription = string.IsNullOrWhiteSpace(description) ? null : Shorten(SecretScrubber.Scrub(description), 300);
            if (error == "access_denied")
            {
                throw new OAuthCallbackException("The sign-in was cancelled: access was denied on the service's page (access_denied). Run the sign-in again and choose to authorize the app.", OAuthCallbackFailure.AccessDenied)
                {
                    ErrorCode = safeError,
                    ResponseExcerpt = safeDescription,
                };
            }

            var detail = safeDescription is null ? string.Empty : $": {safeDescription}";
            throw new OAuthCallbackException($"The service refused the authorization ({safeError}){detail}.", OAuthCallbackFailure.AuthorizationError)
            {
                ErrorCode = safeError,
                ResponseExcerpt = safeDescription,
            };
        }

        if (!query.TryGetValue("code", out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new OAuthCallbackException(
                "The redirect carries neither an authorization code nor an error. The service may have refused the app (Strava does this when an app is at its limit of connected athletes); check the service's page, then try again.",
                OAuthCallbackFailure.MissingCode);
        }

        if (!stateMatches)
        {
            throw StateMismatch(state);
        }

        query.TryGetValue("scope", out var scope);
        return new AuthorizationCallback
        {
            Code = code,
            State = state!,
            Scope = scope,
            Query = query.ToImmutableDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>Describes the callback without the code.</summary>
    public override string ToString() => $"AuthorizationCallback {{ Scope = {Scope ?? "(none)"}, Parameters = [{string.Join(", ", Query.Keys)}] }}";

    private static OAuthCallbackException StateMismatch(string? state) =>
        new(
            state is null
                ? "The redirect has no state parameter, so it cannot be matched to this sign-in and its code was not used. Start the sign-in again from this application."
                : "The redirect's state does not match this sign-in, so its code was not used: it belongs to another sign-in attempt (or is forged). Start the sign-in again and finish it in the browser window it opens.",
            OAuthCallbackFailure.StateMismatch);

    private static string RemoveWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Shorten(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "...");
}
