// The Processes library starts redis-server through Linux-only process APIs; without this every call is CA1416.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
