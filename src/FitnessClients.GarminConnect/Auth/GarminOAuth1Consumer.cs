namespace FitnessClients.GarminConnect.Auth;

/// <summary>
/// The OAuth 1.0a consumer key and secret of the Garmin Connect mobile app, which garth-style sessions need to
/// turn their long-lived OAuth1 token into a fresh OAuth2 token.
/// </summary>
/// <remarks>
/// The SDK does not ship, hard-code or download these values: they are Garmin's, not ours to redistribute. Supply
/// them yourself (e.g. from an environment variable) if you choose to use the garth re-exchange; without them a
/// garth session works until its OAuth2 token expires and then needs a new sign-in.
/// <see cref="ToString"/> never prints the secret.
/// </remarks>
/// <example>
/// <code>
/// var consumer = new GarminOAuth1Consumer(
///     Environment.GetEnvironmentVariable("GARMIN_OAUTH_CONSUMER_KEY")!,
///     Environment.GetEnvironmentVariable("GARMIN_OAUTH_CONSUMER_SECRET")!);
/// </code>
/// </example>
public sealed class GarminOAuth1Consumer
{
    /// <summary>Creates the consumer credentials.</summary>
    /// <param name="consumerKey">The consumer key (a UUID for the Garmin Connect app).</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <exception cref="ArgumentException">A value is empty.</exception>
    public GarminOAuth1Consumer(string consumerKey, string consumerSecret)
    {
        if (string.IsNullOrWhiteSpace(consumerKey))
        {
            throw new ArgumentException("The OAuth1 consumer key is empty.", nameof(consumerKey));
        }

        if (string.IsNullOrWhiteSpace(consumerSecret))
        {
            throw new ArgumentException("The OAuth1 consumer secret is empty.", nameof(consumerSecret));
        }

        ConsumerKey = consumerKey.Trim();
        ConsumerSecret = consumerSecret.Trim();
    }

    /// <summary>The consumer key, sent as <c>oauth_consumer_key</c>.</summary>
    public string ConsumerKey { get; }

    /// <summary>The consumer secret; only ever used as part of the signing key, never sent.</summary>
    public string ConsumerSecret { get; }

    /// <summary>A description without the secret.</summary>
    public override string ToString() => $"GarminOAuth1Consumer {{ ConsumerKey = {ConsumerKey} }}";
}
