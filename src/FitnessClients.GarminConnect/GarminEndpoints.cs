namespace FitnessClients.GarminConnect;

/// <summary>
/// Garmin's hosts and the fixed values of its DI OAuth2 token service, per domain (<see cref="GarminDomains"/>).
/// Options can override each URI to point at an emulator or a proxy.
/// </summary>
public static class GarminEndpoints
{
    /// <summary>The grant type of the service-ticket exchange at diauth (the same URI for both domains).</summary>
    public const string ServiceTicketGrantType = "https://connectapi.garmin.com/di-oauth2-service/oauth/grant/service_ticket";

    /// <summary>
    /// The DI client ids the mobile apps use, newest first. A service ticket is exchanged with each in turn until one
    /// is accepted; refreshes use the id read back from the access token.
    /// </summary>
    public static IReadOnlyList<string> DiClientIds { get; } =
    [
        "GARMIN_CONNECT_MOBILE_ANDROID_DI_2025Q2",
        "GARMIN_CONNECT_MOBILE_ANDROID_DI_2024Q4",
        "GARMIN_CONNECT_MOBILE_ANDROID_DI",
        "GARMIN_CONNECT_MOBILE_IOS_DI",
    ];

    /// <summary>The data API root, <c>https://connectapi.{domain}/</c>.</summary>
    /// <param name="domain">A <see cref="GarminDomains"/> value.</param>
    public static Uri ConnectApi(string domain) => new($"https://connectapi.{Validate(domain)}/");

    /// <summary>The DI OAuth2 token endpoint, <c>https://diauth.{domain}/di-oauth2-service/oauth/token</c>.</summary>
    /// <param name="domain">A <see cref="GarminDomains"/> value.</param>
    public static Uri DiAuthToken(string domain) => new($"https://diauth.{Validate(domain)}/di-oauth2-service/oauth/token");

    /// <summary>The SSO root, <c>https://sso.{domain}/</c>.</summary>
    /// <param name="domain">A <see cref="GarminDomains"/> value.</param>
    public static Uri Sso(string domain) => new($"https://sso.{Validate(domain)}/");

    private static string Validate(string domain) =>
        domain is GarminDomains.Global or GarminDomains.China
            ? domain
            : throw new ArgumentException($"Garmin's domain is '{GarminDomains.Global}' or '{GarminDomains.China}', not '{domain}'.", nameof(domain));
}
