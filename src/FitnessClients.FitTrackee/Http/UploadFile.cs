using System.Text;

namespace FitnessClients.FitTrackee.Http;

/// <summary>Prepares a file for <c>POST /api/workouts</c>: a safe file name with the right extension, and XML files with a declaration.</summary>
internal static class UploadFile
{
    private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    /// <summary>The extension FitTrackee decides the parser by, lower case, without a dot.</summary>
    public static string ExtensionOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        return extension;
    }

    /// <summary>A name made of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, ending in <paramref name="extension"/>.</summary>
    public static string SafeName(string fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        var safe = builder.ToString().Trim('.', '_');
        if (safe.Length == 0)
        {
            safe = "workout";
        }

        if (safe.Length > 100)
        {
            safe = safe[..100];
        }

        return safe + "." + extension;
    }

    /// <summary>
    /// Reads the file into memory (FitTrackee's limits keep it small, and its length must be known before sending),
    /// adding an XML declaration to GPX, TCX and KML files without one: FitTrackee's content check (libmagic) sees
    /// such a file as plain text and refuses it.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream file, string extension, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        if (extension is "gpx" or "tcx" or "kml" && NeedsDeclaration(bytes))
        {
            var start = HasUtf8Bom(bytes) ? 3 : 0;
            var fixedBytes = new byte[Declaration.Length + bytes.Length - start];
            Declaration.CopyTo(fixedBytes, 0);
            Array.Copy(bytes, start, fixedBytes, Declaration.Length, bytes.Length - start);
            return fixedBytes;
        }

        return bytes;
    }

    private static bool HasUtf8Bom(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    private static bool NeedsDeclaration(byte[] bytes)
    {
        // UTF-16 files carry a BOM and are left alone; for UTF-8 and ASCII, look at the first non-blank characters.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return false;
        }

        var i = HasUtf8Bom(bytes) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return !(bytes.Length - i >= 5 && Encoding.ASCII.GetString(bytes, i, 5) == "<?xml");
    }
}
