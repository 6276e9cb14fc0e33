// The lab supervises native Linux processes (setsid, signals, /proc): it runs on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
