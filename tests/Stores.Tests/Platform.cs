// These tests start redis-server through the lab's Linux process code.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
