// These tests drive the lab's native Linux processes (redis-server, silos, nginx).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
