namespace RateLimiterOrleans.Silo.Observability;

/// <summary>
/// Wraps a logger provider so that no line it writes carries a raw API key: each message, with its
/// exception, is formatted once and passed on redacted (<see cref="ClientKeyRedaction"/>). Orleans' own
/// messages name grain ids, and grain ids are client ids.
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(scopeProvider);
        }
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Puts every logger provider registered so far behind redaction.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        for (int i = 0; i < services.Count; i++)
        {
            var registered = services[i];
            if (registered.ServiceType == typeof(ILoggerProvider) && !registered.IsKeyedService)
            {
                services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => new RedactingLoggerProvider(Create(sp, registered)));
            }
        }
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor registered) =>
        (ILoggerProvider)(registered.ImplementationInstance
            ?? registered.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        // The structured state is not passed on: its values are the raw ones.
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            string message = exception is null ? formatter(state, exception) : $"{formatter(state, exception)}{Environment.NewLine}{exception}";
            inner.Log(logLevel, eventId, ClientKeyRedaction.Redact(message), null, static (text, _) => text);
        }
    }
}
