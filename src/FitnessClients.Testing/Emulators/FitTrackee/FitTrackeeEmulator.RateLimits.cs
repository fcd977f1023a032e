using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FitnessClients.Testing;

// Flask-Limiter as FitTrackee configures it: API_RATE_LIMITS applied to every route separately and per method
// (default_limits_per_method), fixed windows opened by the first request, headers on every response.
public sealed partial class FitTrackeeEmulator
{
    private static readonly Regex LimitPattern = new(
        "^\\s*(?<amount>\\d+)\\s*(?:/|per)\\s*(?<multiple>\\d+)?\\s*(?<unit>second|minute|hour|day|month|year)s?\\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
        TimeSpan.FromSeconds(1));

    private RateLimitSimulator? CreateRateLimits()
    {
        if (string.IsNullOrWhiteSpace(_options.ApiRateLimits))
        {
            return null; // since 1.0.4 no limits unless API_RATE_LIMITS is set; no headers either
        }

        var limits = ParseLimits(_options.ApiRateLimits);
        var simulator = new RateLimitSimulator(TimeProvider);
        var windows = new List<(string Name, string Description, TimeSpan Length)>();
        foreach (var route in RateLimitedRoutes())
        {
            foreach (var (amount, length, description) in limits)
            {
                var name = $"{route.Method} {route.Template} {description}";
                simulator.AddWindow(name, amount, length, request => IsRoute(request, route), RateLimitWindowAlignment.FirstRequest);
                windows.Add((name, description, length));
            }
        }

        simulator.HeaderWriter = (response, decision) => WriteHeaders(response, decision, windows);
        simulator.TooManyRequestsResponse = (_, decision) =>
        {
            var description = windows.First(w => w.Name == decision.ExceededWindow!.Name).Description;
            // FitTrackee's 429 handler returns a dict, so Flask writes it (sorted, compact).
            return FitTrackeeJson.Flask(HttpStatusCode.TooManyRequests, new JsonObject { ["status"] = "error", ["message"] = $"rate limit exceeded ({description})" });
        };
        return simulator;
    }

    /// <summary>Parses <c>300 per 5 minutes, 10/second</c> into limits and Flask-Limiter's descriptions (<c>300 per 5 minute</c>).</summary>
    private static List<(int Amount, TimeSpan Length, string Description)> ParseLimits(string text)
    {
        var result = new List<(int, TimeSpan, string)>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = LimitPattern.Match(part);
            if (!match.Success)
            {
                throw new ArgumentException($"'{part.Trim()}' is not a Flask-Limiter rate limit.", nameof(text));
            }

            var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            var multiple = match.Groups["multiple"].Success ? int.Parse(match.Groups["multiple"].Value, CultureInfo.InvariantCulture) : 1;
            var unit = match.Groups["unit"].Value.ToLowerInvariant();
            var seconds = unit switch
            {
                "second" => 1,
                "minute" => 60,
                "hour" => 3600,
                "day" => 86_400,
                "month" => 30 * 86_400,
                _ => 365 * 86_400,
            };
            result.Add((amount, TimeSpan.FromSeconds((double)seconds * multiple), $"{amount} per {multiple} {unit}"));
        }

        return result;
    }

    /// <summary>Every API route; the web app's pages (the authorize page included) are exempt, as FitTrackee's catch-all is.</summary>
    private List<EmulatorRoute> RateLimitedRoutes() =>
        Router.Routes.Where(r => r.Template.StartsWith(ApiBasePath + "/", StringComparison.Ordinal)).ToList();

    private bool IsRoute(EmulatorRequest request, EmulatorRoute route)
    {
        var method = request.Method == HttpMethod.Head ? HttpMethod.Get : request.Method;
        if (method != route.Method)
        {
            return false;
        }

        // The route the router would choose: the most specific template that matches.
        var path = RouteTemplate.SplitPath(request.Path);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var best = Router.Routes
            .Where(r => r.Method == method && r.ParsedTemplate.TryMatch(path, values))
            .Aggregate((EmulatorRoute?)null, (chosen, candidate) => chosen is null || candidate.ParsedTemplate.CompareSpecificity(chosen.ParsedTemplate) < 0 ? candidate : chosen);
        return ReferenceEquals(best, route);
    }

    /// <summary>
    /// Flask-Limiter reports one limit: the breached one, else the shortest window. Reset is epoch seconds; Retry-After
    /// (seconds until that reset) is set on every response, not only on 429.
    /// </summary>
    private static void WriteHeaders(HttpResponseMessage response, RateLimitDecision decision, List<(string Name, string Description, TimeSpan Length)> windows)
    {
        var applied = decision.AppliedWindows;
        if (applied.Count == 0)
        {
            return;
        }

        var window = decision.ExceededWindow ?? applied
            .Select(decision.GetWindow)
            .OrderBy(w => windows.First(x => x.Name == w.Name).Length)
            .First();
        var reset = window.ResetsAt.ToUnixTimeSeconds();
        response.WithHeader("X-RateLimit-Limit", window.Limit.ToString(CultureInfo.InvariantCulture));
        response.WithHeader("X-RateLimit-Remaining", Math.Max(0, window.Limit - window.Used).ToString(CultureInfo.InvariantCulture));
        response.WithHeader("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture));
        response.WithHeader("Retry-After", Math.Max(0, reset - decision.Now.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture));
    }
}
