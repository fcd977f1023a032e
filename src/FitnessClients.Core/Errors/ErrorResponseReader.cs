using System.Buffers;
using System.Text;
using FitnessClients.Core.Diagnostics;
using FitnessClients.Core.Http;

namespace FitnessClients.Core;

/// <summary>
/// Reads a failed response into an <see cref="ErrorResponseInfo"/>: a bounded part of the body (never the whole
/// of a huge one), its summary and error code, all scrubbed of secrets. <see cref="Http.ErrorMappingHandler"/> uses
/// it for every non-success response; service code calls it for responses read outside the handler chain.
/// </summary>
public static class ErrorResponseReader
{
    /// <summary>Reads and summarises <paramref name="response"/>.</summary>
    /// <param name="response">The failed response; its body is consumed but the response is not disposed.</param>
    /// <param name="options">The service name, the extra message fields and the body size bound.</param>
    /// <param name="timeProvider">The client's clock (for <see cref="ErrorResponseInfo.Now"/> and <c>Retry-After</c> dates).</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The scrubbed summary of the response.</returns>
    /// <remarks>A body that cannot be read (connection reset mid-body) gives no excerpt rather than an error, so that the status is still reported.</remarks>
    public static async Task<ErrorResponseInfo> ReadAsync(
        HttpResponseMessage response, ErrorMappingOptions options, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var (body, truncated) = await ReadBodyAsync(response.Content, Math.Max(options.MaxBodyBytes, 0), cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var (excerpt, code, challenge) = ErrorExcerpt.Build(body, mediaType, options.MessageFields, response.Headers);
        var request = response.RequestMessage;
        return new ErrorResponseInfo
        {
            Service = options.ServiceName,
            StatusCode = response.StatusCode,
            ReasonPhrase = ErrorExcerpt.Plain(response.ReasonPhrase, 100),
            RequestMethod = request?.Method.Method ?? "?",
            RequestUri = SecretScrubber.ScrubUri(request?.RequestUri),
            RetryAfter = RetryAfter.GetDelay(response, now),
            Now = now,
            MediaType = mediaType,
            ResponseExcerpt = excerpt,
            ErrorCode = code,
            IsCloudflareChallenge = challenge,
            Headers = response.Headers,
            Body = body,
            BodyTruncated = truncated,
        };
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> of the body as text; the rest stays unread.</summary>
    internal static async Task<(string? Text, bool Truncated)> ReadBodyAsync(HttpContent? content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content is null || maxBytes == 0)
        {
            return (null, false);
        }

        // One byte more than allowed tells whether the body was longer.
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (length <= maxBytes)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            var truncated = length > maxBytes;
            var text = GetEncoding(content).GetString(buffer, 0, Math.Min(length, maxBytes)).TrimStart('\uFEFF');
            return (text, truncated);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return (null, false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Encoding GetEncoding(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', '\'', ' ');
        if (!string.IsNullOrEmpty(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is what these APIs send anyway.
            }
        }

        return Encoding.UTF8;
    }
}
