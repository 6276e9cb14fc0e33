using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Run in this process rather than in a generated project: BenchmarkDotNet finds the project to copy by
// the assembly name, and Directory.Build.props prefixes it (RateLimiterOrleans.Benchmarks, not Benchmarks.csproj).
// As a mutator the toolchain applies to whatever job the command line picks (--job short etc.).
var inProcess = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddJob(inProcess));
