using System.Text.Json;
using FitnessClients.Core;

namespace FitnessClients.Campaigns.Tests.BadInput;

/// <summary>The verdict on bad input: it ended normally, or with one of the SDK's typed errors, never with a crash.</summary>
internal static class Outcome
{
    /// <summary>The exception types a caller may see for a service's bad answer: the SDK's own, a JSON error naming the place, a damaged file.</summary>
    public static bool IsTyped(Exception exception) =>
        exception is FitnessApiException or JsonException or InvalidDataException;

    public static async Task<Exception?> CaptureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    public static void AssertTypedOrNone(Exception? exception, string context)
    {
        if (exception is not null)
        {
            Assert.That(IsTyped(exception), Is.True, $"{context}: {exception.GetType().FullName} is not a typed error: {exception}");
            Assert.That(exception.Message, Is.Not.Empty, context);
        }
    }
}
