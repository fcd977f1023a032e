using System.Net.Http.Headers;

namespace FitnessClients.Testing;

/// <summary>
/// A parsed <c>multipart/form-data</c> body, as an upload endpoint (Strava <c>POST /uploads</c>, FitTrackee
/// <c>POST /api/workouts</c>, Garmin's upload service) reads it.
/// </summary>
/// <remarks>
/// The BCL can write multipart bodies (<see cref="MultipartFormDataContent"/>) but has no reader, and
/// <c>Microsoft.AspNetCore.WebUtilities.MultipartReader</c> lives in the ASP.NET Core shared framework, which this
/// package does not reference; over a loopback port the body arrives as raw bytes anyway. Hence a small parser of
/// its own (RFC 7578 / RFC 2046), which works on the buffered body.
/// </remarks>
public sealed class MultipartFormData
{
    internal MultipartFormData(IReadOnlyList<MultipartPart> parts)
    {
        Parts = parts;
    }

    /// <summary>Every part, in the order sent.</summary>
    public IReadOnlyList<MultipartPart> Parts { get; }

    /// <summary>The first part named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The form field name, compared exactly.</param>
    public MultipartPart? GetPart(string name) => Parts.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The text of the first part named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The form field name, compared exactly.</param>
    public string? GetValue(string name) => GetPart(name)?.ReadAsString();

    /// <summary>Parses <paramref name="body"/> using the boundary from <paramref name="contentType"/>.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="contentType">The request's <c>Content-Type</c>, e.g. <c>multipart/form-data; boundary="abc"</c>.</param>
    /// <exception cref="FormatException">The content type has no boundary or the body is not well-formed multipart.</exception>
    public static MultipartFormData Parse(ReadOnlySpan<byte> body, string contentType)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !(mediaType.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            throw new FormatException("The content type is not multipart.");
        }

        var boundary = mediaType.Parameters.FirstOrDefault(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            throw new FormatException("The multipart content type has no boundary.");
        }

        return new MultipartFormData(MultipartFormDataParser.Parse(body, boundary));
    }
}
