using System.Collections.Immutable;

namespace FitnessClients.Testing;

/// <summary>
/// The fault rules of one emulator. Before the rate limiter and the routes see a request, the rules are tried in the
/// order added and the first that fires decides the fault; at most one fault applies to a request.
/// </summary>
/// <remarks>Thread-safe; rule matching is serialised, so scripted triggers count concurrent requests in arrival order.</remarks>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private ImmutableList<FaultRule> _rules = [];
    private long _injected;

    /// <summary>The rules, in evaluation order.</summary>
    public IReadOnlyList<FaultRule> Rules => _rules;

    /// <summary>How many faults have been injected in total.</summary>
    public long InjectedCount => Interlocked.Read(ref _injected);

    /// <summary>Adds a rule after the existing ones.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule, to read its counters later.</returns>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules = _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Adds a rule for <paramref name="fault"/>.</summary>
    /// <param name="fault">What to inject.</param>
    /// <param name="trigger">Which matching requests get it; all when omitted.</param>
    /// <param name="method">Only this method; any when omitted.</param>
    /// <param name="pathTemplate">Only paths matching this template; any when omitted.</param>
    /// <param name="maxCount">The most injections; unlimited when omitted.</param>
    /// <returns>The rule.</returns>
    public FaultRule Add(Fault fault, FaultTrigger? trigger = null, HttpMethod? method = null, string? pathTemplate = null, int? maxCount = null) =>
        Add(new FaultRule(fault, trigger) { Method = method, PathTemplate = pathTemplate, MaxCount = maxCount });

    /// <summary>Removes a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Whether it was present.</returns>
    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            var before = _rules;
            _rules = _rules.Remove(rule);
            return !ReferenceEquals(before, _rules);
        }
    }

    /// <summary>Removes every rule (the injected count is kept).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules = [];
        }
    }

    /// <summary>The rule whose fault applies to <paramref name="request"/>, or <see langword="null"/>.</summary>
    internal FaultRule? Evaluate(EmulatorRequest request)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.TryFire(request))
                {
                    Interlocked.Increment(ref _injected);
                    return rule;
                }
            }
        }

        return null;
    }
}
