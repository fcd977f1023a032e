namespace FitnessClients.Testing;

/// <summary>Copies headers between contents when a fault wraps a response body.</summary>
internal static class ContentHeaders
{
    public static void CopyExceptLength(HttpContent from, HttpContent to)
    {
        foreach (var header in from.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
    }
}
