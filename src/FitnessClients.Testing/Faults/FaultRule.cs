namespace FitnessClients.Testing;

/// <summary>
/// When to inject a <see cref="Fault"/>: which requests the rule matches (method, path template, predicate), which of
/// those it fires on (<see cref="Trigger"/>), and at most how many times.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults.Add(new FaultRule(Fault.Status(HttpStatusCode.ServiceUnavailable), FaultTrigger.Script(2, 3))
/// {
///     Method = HttpMethod.Get,
///     PathTemplate = "/api/v3/activities/{id}",
/// });
/// </code>
/// </example>
public sealed class FaultRule
{
    private readonly RouteTemplate? _template;
    private long _matched;
    private long _injected;

    /// <summary>Creates a rule.</summary>
    /// <param name="fault">What to inject.</param>
    /// <param name="trigger">Which matching requests get it; <see cref="FaultTrigger.Always"/> when omitted.</param>
    public FaultRule(Fault fault, FaultTrigger? trigger = null)
    {
        Fault = fault ?? throw new ArgumentNullException(nameof(fault));
        Trigger = trigger ?? FaultTrigger.Always;
    }

    /// <summary>What is injected.</summary>
    public Fault Fault { get; }

    /// <summary>Which matching requests get the fault.</summary>
    public FaultTrigger Trigger { get; }

    /// <summary>Only requests with this method match; any method when <see langword="null"/>.</summary>
    public HttpMethod? Method { get; init; }

    /// <summary>
    /// Only requests whose path (relative to the router's base path) matches this route template match, e.g.
    /// <c>/activities/{id}</c> or <c>/download-service/{*rest}</c>; any path when <see langword="null"/>.
    /// </summary>
    public string? PathTemplate
    {
        get => _template?.Text;
        init => _template = value is null ? null : RouteTemplate.Parse(value);
    }

    /// <summary>Any further condition, e.g. on a header or the body.</summary>
    public Func<EmulatorRequest, bool>? Predicate { get; init; }

    /// <summary>The most injections this rule makes; unlimited when <see langword="null"/>.</summary>
    public int? MaxCount { get; init; }

    /// <summary>How many requests the rule has matched (whether or not it fired).</summary>
    public long MatchedCount => Interlocked.Read(ref _matched);

    /// <summary>How many times the rule injected its fault.</summary>
    public long InjectedCount => Interlocked.Read(ref _injected);

    /// <inheritdoc />
    public override string ToString() => $"{Fault} on {Method?.Method ?? "any method"} {PathTemplate ?? "any path"} ({Trigger})";

    // Called under the injector's lock, in rule order, until one fires.
    internal bool TryFire(EmulatorRequest request)
    {
        if ((Method is not null && Method != request.Method) ||
            (_template is not null && !(request.IsUnderBasePath && _template.TryMatch(RouteTemplate.SplitPath(request.Path), new Dictionary<string, string>(StringComparer.Ordinal)))) ||
            (Predicate is not null && !Predicate(request)))
        {
            return false;
        }

        var number = Interlocked.Increment(ref _matched);
        if ((MaxCount is { } max && InjectedCount >= max) || !Trigger.Fires(number))
        {
            return false;
        }

        Interlocked.Increment(ref _injected);
        return true;
    }
}
