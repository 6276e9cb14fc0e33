// The lab and its process library run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
