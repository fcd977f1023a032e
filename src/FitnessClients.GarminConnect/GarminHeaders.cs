namespace FitnessClients.GarminConnect;

/// <summary>
/// The headers the Garmin Connect Android app sends with every data-API call. The client sends them by default, so
/// its requests look like the app's (python-garminconnect does the same); change one with
/// <see cref="Core.FitnessClientOptions.DefaultRequestHeaders"/>, which wins over these.
/// </summary>
public static class GarminHeaders
{
    /// <summary>The app's <c>User-Agent</c>.</summary>
    public const string UserAgent = "GCM-Android-5.23";

    /// <summary>The app's detailed agent string (<c>X-Garmin-User-Agent</c>).</summary>
    public const string GarminUserAgent = "com.garmin.android.apps.connectmobile/5.23; ; Google/sdk_gphone64_arm64/google; Android/33; Dalvik/2.1.0";

    /// <summary>The app build (<c>X-Garmin-Paired-App-Version</c> and <c>X-App-Ver</c>).</summary>
    public const string AppVersion = "10861";

    /// <summary>The <c>Accept</c> of JSON calls; downloads send <c>*/*</c> instead.</summary>
    public const string JsonAccept = "application/json";

    /// <summary>The <c>Accept</c> of downloads.</summary>
    public const string DownloadAccept = "*/*";

    /// <summary>Every default header, name and value, in the order the app sends them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Native { get; } =
    [
        new("User-Agent", UserAgent),
        new("X-Garmin-User-Agent", GarminUserAgent),
        new("X-Garmin-Paired-App-Version", AppVersion),
        new("X-Garmin-Client-Platform", "Android"),
        new("X-App-Ver", AppVersion),
        new("X-Lang", "en"),
        new("X-GCExperience", "GC5"),
        new("Accept-Language", "en-US,en;q=0.9"),
        new("Accept", JsonAccept),
    ];
}
