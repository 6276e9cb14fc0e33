namespace RateLimiterOrleans.Lab.Bench;

/// <summary>The targets the benchmark is held to, each checked against what was measured.</summary>
public static class BenchTargets
{
    public sealed record Check(string Target, string Measured, bool Met, string? Shortfall);

    /// <summary>Three idle silos together may use this share of the machine's CPU.</summary>
    public const double IdleCpuShare = 0.02;

    public static IReadOnlyList<Check> Evaluate(BenchResults results, IReadOnlyList<IReadOnlyList<RowSummary>> sets)
    {
        var checks = new List<Check>();
        IReadOnlyList<RowSummary>? Set(BenchRowSet set) => sets.FirstOrDefault(rows => rows[0].Set == set);

        void AtLeast(BenchRowSet set, string name, double target, params BenchRow[] bounds)
        {
            if (Set(set) is not { } rows)
            {
                return;
            }

            double baseline = BenchReport.Baseline(rows);
            double ratio = rows.Single(r => r.Row.Name == name).DecisionsPerSecond / baseline;
            // Beside it, the rows it is read against: its call with no decision behind it, or a peer that decides the
            // same way with no call.
            var beside = rows.Where(r => bounds.Contains(r.Row)).Select(r => $"{r.Row.Name}: {r.DecisionsPerSecond / baseline * 100:0}%").ToList();
            string bound = beside.Count > 0 ? $" ({string.Join("; ", beside)})" : "";
            checks.Add(new Check($"`{name}` ≥ {target * 100:0}% of baseline, {set.Title}", $"{ratio * 100:0}%{bound}", ratio >= target, ratio >= target ? null : $"{(target - ratio) * 100:0} points short"));
        }

        foreach (var name in new[] { "grain, sliding window", "grain, token bucket" })
        {
            AtLeast(BenchRowSet.Rotating, name, 0.85, BenchRow.GrainCallCeiling);
            AtLeast(BenchRowSet.Many, name, 0.75, BenchRow.GrainCallCeiling);
        }

        foreach (var name in new[] { "redis_atomic, sliding window", "redis_atomic, token bucket" })
        {
            AtLeast(BenchRowSet.Rotating, name, 0.75, BenchRow.WorkerCallCeiling, BenchRow.RedisRateLimitingPeer);
        }
        foreach (var name in new[] { "grain, sliding window", "grain, token bucket" })
        {
            AtLeast(BenchRowSet.Routed, name, 0.90, BenchRow.GrainCallCeiling);
        }

        if (Set(BenchRowSet.Rotating) is { } rotating)
        {
            var atomic = rotating.Single(r => r.Row.Name == "redis_atomic, sliding window");
            var peer = rotating.Single(r => r.Row == BenchRow.RedisRateLimitingPeer);
            bool atomicExact = atomic.MostOverAdmitted.OverAdmitted == 0;
            bool peerExact = peer.MostOverAdmitted.OverAdmitted == 0;
            checks.Add(new Check(
                "`redis_atomic` ≥ the RedisRateLimiting peer, at equal exactness",
                $"{atomic.DecisionsPerSecond:0} against {peer.DecisionsPerSecond:0} decisions/s ({atomic.DecisionsPerSecond / peer.DecisionsPerSecond * 100:0}%); over-admission {atomic.MostOverAdmitted.OverAdmitted} against {peer.MostOverAdmitted.OverAdmitted}",
                atomic.DecisionsPerSecond >= peer.DecisionsPerSecond && atomicExact,
                atomic.DecisionsPerSecond >= peer.DecisionsPerSecond ? (atomicExact ? null : "redis_atomic over-admitted") : $"{(1 - atomic.DecisionsPerSecond / peer.DecisionsPerSecond) * 100:0}% slower{(peerExact ? "" : ", and the peer is not exact")}"));
        }

        if (Set(BenchRowSet.Hot) is { } hot)
        {
            foreach (var row in hot.Where(r => r.Row.Mode is "grain" or "redis_atomic"))
            {
                var worst = row.MostOverAdmitted;
                checks.Add(new Check($"one hot client: `{row.Row.Name}` exact", $"{row.DecisionsPerSecond:0} decisions/s; admitted {worst.Allowed} of {worst.AllowedAtMost} allowed", worst.OverAdmitted == 0, worst.OverAdmitted == 0 ? null : $"{worst.OverAdmitted} over"));
            }
        }

        var idle = results.Idle;
        checks.Add(new Check($"three idle silos ≤ {IdleCpuShare * 100:0}% of the machine's CPU", $"{idle.CpuShare * 100:0.00}%", idle.CpuShare <= IdleCpuShare, idle.CpuShare <= IdleCpuShare ? null : $"{(idle.CpuShare - IdleCpuShare) * 100:0.00} points over"));

        double storeRatio = results.Store.DecisionsPerSecond / results.Ceiling.DecisionsPerSecond;
        checks.Add(new Check("in-process store ≥ 50% of redis-benchmark EVALSHA at 50 clients", $"{storeRatio * 100:0}%", storeRatio >= 0.5, storeRatio >= 0.5 ? null : $"{(0.5 - storeRatio) * 100:0} points short"));

        var allocations = MicroAllocations(results.Micro);
        checks.Add(new Check("the pure algorithms allocate 0 bytes per decision", allocations.Measured, allocations.Met, allocations.Met ? null : "see the micro-benchmark tables"));

        var silo = results.SiloMemory;
        checks.Add(new Check($"silos keep ≤ {SiloMemory.KeptAtMost:0%} of what a burst's grains held, once they have gone",
            $"{silo.KeptShare:0.0%} ({silo.BaseBytes / 1e6:0.0} MB idle, {silo.ActiveBytes / 1e6:0.0} MB at the peak, {silo.AfterBytes / 1e6:0.0} MB {silo.ReadAfter.TotalSeconds:0} s after the burst)", silo.GaveBack,
            silo.GaveBack ? null : $"{(silo.KeptShare - SiloMemory.KeptAtMost) * 100:0.0} points over"));
        return checks;
    }

    // BenchmarkDotNet's GitHub tables have an "Allocated" column; "-" or "0 B" means nothing was allocated.
    private static (string Measured, bool Met) MicroAllocations(IReadOnlyList<(string Name, string Markdown)> micro)
    {
        var pure = micro.Where(m => m.Name.Contains("SlidingWindowLog", StringComparison.Ordinal) || m.Name.Contains("TokenBucket", StringComparison.Ordinal)).ToList();
        if (pure.Count == 0)
        {
            return ("not measured in this run (--no-micro)", false);
        }

        var cells = new List<string>();
        foreach (var (_, markdown) in pure)
        {
            var lines = markdown.Split('\n').Where(l => l.TrimStart().StartsWith('|')).ToList();
            if (lines.Count < 3)
            {
                continue;
            }

            var header = lines[0].Split('|').Select(c => c.Trim()).ToList();
            int column = header.IndexOf("Allocated");
            cells.AddRange(lines.Skip(2).Select(l => l.Split('|')).Where(c => column >= 0 && c.Length > column).Select(c => c[column].Trim()));
        }

        bool met = cells.Count > 0 && cells.All(c => c is "-" or "0 B");
        return ($"Allocated column: {string.Join(", ", cells.Distinct())}", met);
    }
}
