using FitnessClients.Core.Tests.Tokens;

#pragma warning disable CA1050 // The runtime finds a startup hook only as a global type named exactly StartupHook.

/// <summary>
/// Lets this test assembly double as a child-process program without a second project: the runtime calls
/// <see cref="Initialize"/> before <c>Main</c> when <c>DOTNET_STARTUP_HOOKS</c> names this assembly, which only
/// <see cref="ChildProcess"/> does. In the test run itself the variable is unset and this does nothing.
/// </summary>
/// <remarks>
/// Microsoft.NET.Test.Sdk compiles an empty <c>Main</c> into test projects, and replacing it needs a csproj
/// change (<c>GenerateProgramFile</c>); a startup hook needs none.
/// </remarks>
internal static class StartupHook
{
    public static void Initialize()
    {
        var mode = Environment.GetEnvironmentVariable(TokenProbe.ModeVariable);
        if (string.IsNullOrEmpty(mode))
        {
            return;
        }

        Environment.Exit(TokenProbe.Run(mode));
    }
}
