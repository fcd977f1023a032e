using System.Security.Cryptography;

namespace FitnessClients.Testing;

/// <summary>
/// The SSO service tickets (<c>ST-…</c>) the emulator issued: single use, bound to the service URL they were issued for
/// (when known), and short-lived on the emulator's clock, as real CAS tickets are. Thread-safe.
/// </summary>
internal sealed class GarminServiceTickets(TimeProvider clock)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Dictionary<string, Ticket> _tickets = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    public string Issue(string? serviceUrl)
    {
        var digits = RandomNumberGenerator.GetInt32(1_000_000, 10_000_000);
        var value = $"ST-{digits.ToString(System.Globalization.CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetString(Alphabet, 20)}-sso";
        lock (_tickets)
        {
            _tickets[value] = new Ticket(serviceUrl, clock.GetUtcNow() + Lifetime);
        }

        return value;
    }

    public GarminTicketCheck Redeem(string? value, string? serviceUrl)
    {
        if (value is null)
        {
            return GarminTicketCheck.Missing;
        }

        lock (_tickets)
        {
            if (!_tickets.TryGetValue(value, out var ticket))
            {
                return GarminTicketCheck.Unknown;
            }

            if (ticket.Used)
            {
                return GarminTicketCheck.AlreadyUsed;
            }

            if (clock.GetUtcNow() >= ticket.ExpiresAt)
            {
                return GarminTicketCheck.Expired;
            }

            if (ticket.ServiceUrl is not null && !string.Equals(ticket.ServiceUrl, serviceUrl, StringComparison.Ordinal))
            {
                return GarminTicketCheck.WrongService;
            }

            ticket.Used = true;
            return GarminTicketCheck.Accepted;
        }
    }

    private sealed class Ticket(string? serviceUrl, DateTimeOffset expiresAt)
    {
        public string? ServiceUrl { get; } = serviceUrl;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public bool Used { get; set; }
    }
}
