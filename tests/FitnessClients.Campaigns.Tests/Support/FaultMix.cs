using System.Globalization;
using System.Net;
using System.Text;
using FitnessClients.Testing;

namespace FitnessClients.Campaigns.Tests.Support;

/// <summary>
/// The fault campaign's mix: a seeded draw per request picks, at <see cref="Rate"/>, one of eight faults with equal
/// weight: 500, 502, 503, an HTML error page, a connection reset, a body cut in half, a body trickling in beyond the
/// attempt timeouts, and the start of a burst of three 429s (no <c>Retry-After</c>, as Garmin and Strava send none).
/// One <see cref="FaultRule"/> per kind, so the counts can be reported.
/// </summary>
internal sealed class FaultMix
{
    /// <summary>The slow body's wait per 4 KB chunk: every body over 8 KB takes longer than a 30 s JSON attempt timeout, over 32 KB longer than Garmin's 2-minute download timeout.</summary>
    public static readonly TimeSpan SlowChunkDelay = TimeSpan.FromSeconds(15);

    public const int SlowChunkSize = 4 * 1024;

    private const int BurstLength = 3;
    private readonly Random _random;
    private readonly double _rate;
    private readonly List<(string Name, FaultRule Rule)> _rules = [];
    private long _lastSequence = -1;
    private int _lastKind = -1;
    private int _burstLeft;

    public FaultMix(ServiceEmulator emulator, int seed, double rate = 0.10, string tooManyRequestsBody = """{"message":"Too Many Requests"}""")
    {
        _random = new Random(seed);
        _rate = rate;
        Fault[] faults =
        [
            Fault.Status(HttpStatusCode.InternalServerError, body: """{"message":"Internal Server Error"}"""),
            Fault.Status(HttpStatusCode.BadGateway),
            Fault.Status(HttpStatusCode.ServiceUnavailable, body: "Service Unavailable", mediaType: "text/plain"),
            Fault.HtmlErrorPage(HttpStatusCode.GatewayTimeout, "504 Gateway Time-out"),
            Fault.ConnectionReset(),
            Fault.TruncatedBody(0.5),
            Fault.SlowBody(SlowChunkDelay, SlowChunkSize),
            Fault.TooManyRequests(body: tooManyRequestsBody),
        ];
        string[] names = ["500", "502", "503", "HTML page", "reset", "truncated", "slow body", "429 burst"];
        for (var kind = 0; kind < faults.Length; kind++)
        {
            var k = kind;
            _rules.Add((names[kind], emulator.Faults.Add(new FaultRule(faults[kind]) { Predicate = request => Decide(request) == k })));
        }
    }

    public double Rate => _rate;

    public long Injected => _rules.Sum(r => r.Rule.InjectedCount);

    /// <summary>Faults injected per kind, for the report.</summary>
    public string Describe() => string.Join(", ", _rules.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Name} {r.Rule.InjectedCount}")));

    public long Count(string name) => _rules.Single(r => r.Name == name).Rule.InjectedCount;

    // Rules are tried in order under the injector's lock, so one draw per request (its sequence number) decides for all.
    private int Decide(EmulatorRequest request)
    {
        if (request.Sequence == _lastSequence)
        {
            return _lastKind;
        }

        _lastSequence = request.Sequence;
        if (_burstLeft > 0)
        {
            _burstLeft--;
            _lastKind = _rules.Count - 1;
        }
        else if (_random.NextDouble() < _rate)
        {
            _lastKind = _random.Next(_rules.Count);
            if (_lastKind == _rules.Count - 1)
            {
                _burstLeft = BurstLength - 1;
            }
        }
        else
        {
            _lastKind = -1;
        }

        return _lastKind;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Injected} faults ({Describe()})");
        return text.ToString();
    }
}
