namespace FitnessClients.Testing;

/// <summary>How a seeded activity came to exist, which decides its files and flags.</summary>
internal enum GarminActivityKind
{
    Device = 0,
    Manual = 1,
    GpxImport = 2,
    TcxImport = 3,
    Multisport = 4,
}
