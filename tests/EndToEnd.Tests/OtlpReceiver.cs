using System.Collections.Concurrent;
using System.Net;
using RateLimiterOrleans.Processes;

namespace RateLimiterOrleans.EndToEnd.Tests;

/// <summary>
/// Stands in for Jaeger's OTLP/HTTP endpoint: accepts <c>POST /v1/traces</c> and keeps each body.
/// Protobuf stores attribute keys and string values as plain UTF-8, so tests can look for them.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<byte[]> _bodies = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Port = FreePort.Take();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Everything received so far, as one byte string.</summary>
    public byte[] Received => _bodies.SelectMany(b => b).ToArray();

    /// <summary>The spans of every body received so far.</summary>
    public IReadOnlyList<ExportedSpan> Spans => _bodies.SelectMany(OtlpSpans.Parse).ToList();

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                _bodies.Enqueue(body.ToArray());
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
