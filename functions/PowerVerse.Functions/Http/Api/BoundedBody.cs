using Microsoft.AspNetCore.Http;

namespace PowerVerse.Functions.Http.Api;

/// <summary>
/// Reads a request body of at most a given size: refused at once when <c>Content-Length</c> says more, and, for a
/// chunked or lying body, as soon as one byte more than the limit has arrived — never buffering more than that.
/// </summary>
public static class BoundedBody
{
    /// <exception cref="ApiProblemException">request-too-large (413), the detail saying <paramref name="what"/>'s limit.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes, what);
        }

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length <= maxBytes ? buffer[..length] : throw TooLarge(maxBytes, what);
    }

    private static ApiProblemException TooLarge(int maxBytes, string what) => new(Problems.RequestTooLarge, $"{what} is at most {maxBytes} bytes.");
}
