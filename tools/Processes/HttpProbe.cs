namespace RateLimiterOrleans.Processes;

/// <summary>Asks an HTTP endpoint for a 200, with a short timeout per attempt.</summary>
public static class HttpProbe
{
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task<bool> IsOkAsync(string url)
    {
        try
        {
            using var response = await Client.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
