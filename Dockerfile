# syntax=docker/dockerfile:1
# One image for api-1..api-3: the ASP.NET Core app that co-hosts an Orleans silo (src/Silo).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore from the project files alone, so the package layer is reused until a csproj or props file changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Algorithms/Algorithms.csproj src/Algorithms/
COPY src/Stores/Stores.csproj src/Stores/
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/AspNetCore/AspNetCore.csproj src/AspNetCore/
COPY src/Silo/Silo.csproj src/Silo/
RUN dotnet restore src/Silo/Silo.csproj
# Only the projects the silo is built from: a change to tools/ or tests/ does not rebuild the image.
COPY src/Algorithms/ src/Algorithms/
COPY src/Stores/ src/Stores/
COPY src/Grains.Interfaces/ src/Grains.Interfaces/
COPY src/Grains/ src/Grains/
COPY src/AspNetCore/ src/AspNetCore/
COPY src/Silo/ src/Silo/
RUN dotnet publish src/Silo/Silo.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the compose healthcheck (GET /health).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The image's non-root user (APP_UID is defined by the .NET base images); 8080 needs no privilege.
USER $APP_UID
# HTTP API; the silo-to-silo port; the gateway port (Orleans__SiloPort / Orleans__GatewayPort).
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "RateLimiterOrleans.Silo.dll"]
