// Native Linux processes (setsid, signals, /proc): Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
