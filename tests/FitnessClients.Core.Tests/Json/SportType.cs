using FitnessClients.Core.Json;

namespace FitnessClients.Core.Tests.Json;

/// <summary>An example open enum as a service package would declare it.</summary>
public readonly record struct SportType(string Value) : IOpenEnum<SportType>
{
    public static SportType Run { get; } = new("Run");

    public static SportType Ride { get; } = new("Ride");

    public static SportType Swim { get; } = new("Swim");

    public bool IsKnown => this == Run || this == Ride || this == Swim;

    public static SportType FromValue(string value) => new(value);

    public override string ToString() => Value;
}
