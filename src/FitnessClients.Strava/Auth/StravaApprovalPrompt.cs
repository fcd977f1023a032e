namespace FitnessClients.Strava.Auth;

/// <summary>Strava's <c>approval_prompt</c>: whether the consent page shows again for an athlete who already authorized the app.</summary>
public enum StravaApprovalPrompt
{
    /// <summary>Skip the consent page when the athlete already authorized the app with these scopes.</summary>
    Auto,

    /// <summary>Always show the consent page; use it to ask for more scopes or to let the athlete change their choice.</summary>
    Force,
}
