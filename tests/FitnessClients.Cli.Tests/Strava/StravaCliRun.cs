using FitnessClients.Testing;

namespace FitnessClients.Cli.Tests.Strava;

/// <summary>What a strava command run in-process may be given: a real-mode handler, demo adjustments, a clock, a browser.</summary>
internal sealed record StravaCliSetup
{
    public HttpMessageHandler? Handler { get; init; }

    public Action<StravaEmulatorOptions>? ConfigureOptions { get; init; }

    public Action<StravaEmulator>? ConfigureEmulator { get; init; }

    public int? DemoActivityCount { get; init; } = 25;

    public TimeProvider? Clock { get; init; }

    public Action<Uri>? OpenBrowser { get; init; }

    public TextReader? Input { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary>Runs <c>fitness strava ...</c> in-process with captured output and a temporary configuration folder.</summary>
internal static class StravaCliRun
{
    public static async Task<CliRun> RunAsync(string configDir, string[] args, StravaCliSetup? setup = null, CancellationToken cancellationToken = default)
    {
        setup ??= new StravaCliSetup();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var variables = new Dictionary<string, string> { ["HOME"] = configDir };
        foreach (var (name, value) in setup.Variables ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            Console = CliEnvironment.CreatePlainConsole(output),
            ErrorConsole = CliEnvironment.CreatePlainConsole(error),
            ConfigDirectory = configDir,
            Variables = variables,
            Input = setup.Input,
            StravaHandler = setup.Handler,
            ConfigureStravaDemoOptions = setup.ConfigureOptions,
            ConfigureStravaDemoEmulator = setup.ConfigureEmulator,
            DemoActivityCount = setup.DemoActivityCount,
            TimeProvider = setup.Clock ?? TimeProvider.System,
            OpenBrowser = setup.OpenBrowser,
        };
        var code = await CliApp.RunAsync(args, env, cancellationToken);
        return new CliRun { ExitCode = code, Out = output.ToString(), Error = error.ToString() };
    }

    /// <summary>The app credentials of <paramref name="emulator"/> as the environment variables the CLI reads.</summary>
    public static Dictionary<string, string> Credentials(StravaEmulator emulator) => new()
    {
        ["FITNESSCLIENTS_STRAVA_CLIENT_ID"] = emulator.RegisteredClientId,
        ["FITNESSCLIENTS_STRAVA_CLIENT_SECRET"] = emulator.RegisteredClientSecret,
    };

    /// <summary>Uses up <paramref name="requests"/> of the emulator's read budget, as another process of the same app would.</summary>
    public static void SpendBudget(StravaEmulator emulator, int requests)
    {
        var tokens = emulator.IssueTokens();
        using var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        for (var i = 0; i < requests; i++)
        {
            using var response = http.GetAsync("api/v3/athlete").GetAwaiter().GetResult();
        }
    }
}
