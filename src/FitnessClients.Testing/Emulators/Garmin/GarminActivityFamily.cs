namespace FitnessClients.Testing;

/// <summary>Groups of activity types that share units, cadence fields, gear and export details.</summary>
internal enum GarminActivityFamily
{
    Other = 0,
    Foot = 1,
    Bike = 2,
    Swim = 3,
    Fitness = 4,
    Snow = 5,
    Water = 6,
    Multisport = 7,
    Transition = 8,
}
