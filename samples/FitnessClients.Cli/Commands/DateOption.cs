using System.CommandLine;
using System.Globalization;

namespace FitnessClients.Cli.Commands;

/// <summary>Date options (<c>--start-date</c>, <c>--since</c>, ...) that read <c>yyyy-MM-dd</c> and say so when a value is not one.</summary>
internal static class DateOption
{
    /// <summary>The one form every date option accepts.</summary>
    public const string Format = "yyyy-MM-dd";

    /// <summary>Creates a date option whose parse error names the expected form rather than the .NET type.</summary>
    public static Option<DateOnly?> Create(string name, string[] aliases, string description) =>
        new(name, aliases)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                result.AddError($"{name} takes a date as {Format}, e.g. 2024-03-31, not '{text}'");
                return null;
            },
        };
}
