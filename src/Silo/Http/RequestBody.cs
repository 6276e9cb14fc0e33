namespace RateLimiterOrleans.Silo.Http;

/// <summary>Reads a small JSON request body, refusing the wrong content type or more than the limit.</summary>
internal static class RequestBody
{
    public static async Task<(ReadOnlyMemory<byte> Body, ApiError? Error)> ReadJson(HttpRequest request, int maxBytes)
    {
        if (!request.HasJsonContentType())
        {
            return (default, new ApiError("unsupported_content_type", "Content-Type", $"must be application/json, got '{request.ContentType ?? "none"}'"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes));
        }

        // Content-Length may be absent (chunked), so the read itself stops one byte past the limit.
        var buffer = new byte[maxBytes + 1];
        int total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), request.HttpContext.RequestAborted)) > 0)
        {
            total += read;
        }

        return total > maxBytes ? (default, TooLarge(maxBytes)) : (buffer.AsMemory(0, total), null);
    }

    /// <summary>Reads a small JSON body and then its fields with <paramref name="read"/>: a value, or the first error either found.</summary>
    public static async Task<(T? Value, ApiError? Error)> ReadJson<T>(HttpRequest request, Func<ReadOnlyMemory<byte>, (T? Value, ApiError? Error)> read)
    {
        var (body, error) = await ReadJson(request, StrictJsonObject.MaxBodyBytes);
        return error is not null ? (default, error) : read(body);
    }

    private static ApiError TooLarge(int maxBytes) => new("body_too_large", "body", $"must be at most {maxBytes} bytes");
}
