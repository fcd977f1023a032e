using System.Net.Http.Headers;
using Refit;

namespace FitnessClients.GarminConnect.Api;

/// <summary>
/// An activity file for <see cref="IGarminConnectApi.UploadAsync"/>: the multipart part <c>file</c>, typed
/// <c>application/octet-stream</c>, with the part header Garmin's own clients send
/// (<c>form-data; name="file"; filename="run.fit"</c>). A plain <see cref="StreamPart"/> gets .NET's header instead
/// (unquoted, plus <c>filename*</c>), which Garmin has not been seen to accept.
/// </summary>
/// <example>
/// <code>
/// await using var fit = File.OpenRead("morning-run.fit");
/// using var response = await api.UploadAsync(new GarminUploadPart(fit, "morning-run.fit"), TimeSpan.FromMinutes(2));
/// </code>
/// </example>
public sealed class GarminUploadPart : StreamPart
{
    /// <summary>The multipart name Garmin reads the file from.</summary>
    public const string PartName = "file";

    /// <summary>Creates the part.</summary>
    /// <param name="file">The file's content, read once when the request is sent.</param>
    /// <param name="fileName">The name Garmin sees; a path is cut to its file name, and quotes and backslashes are dropped so the header stays well-formed. Its extension (<c>.fit</c>, <c>.gpx</c>, <c>.tcx</c>) tells Garmin the format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty or names no file.</exception>
    public GarminUploadPart(Stream file, string fileName)
        : base(file, CleanFileName(fileName), "application/octet-stream", PartName)
    {
    }

    /// <inheritdoc />
    protected override HttpContent CreateContent()
    {
        var content = base.CreateContent();

        // MultipartFormDataContent only writes its own header when the part has none.
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"" + PartName + "\"",
            FileName = "\"" + FileName + "\"",
        };
        return content;
    }

    private static string CleanFileName(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = Path.GetFileName(fileName).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(name)
            ? throw new ArgumentException($"'{fileName}' names no file.", nameof(fileName))
            : name;
    }
}
