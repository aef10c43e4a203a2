using System.Diagnostics;
using System.Globalization;
using Bagalau.Application.Packs;
using Bagalau.Domain.Decisions;

// Pack loading and quarter-score throughput on one core ("well under a second").
const int Decisions = 100_000;
var inv = CultureInfo.InvariantCulture;

// Cold load: the first load also JIT-compiles the loader; then the median of warm loads.
var cold = Stopwatch.StartNew();
var catalogue = PackCatalog.LoadEmbedded().Catalogue;
cold.Stop();
var warm = new List<double>();
for (var i = 0; i < 20; i++)
{
    var sw = Stopwatch.StartNew();
    PackCatalog.LoadEmbedded();
    warm.Add(sw.Elapsed.TotalMilliseconds);
}

warm.Sort();
var nhrc = catalogue.Find("nhrc")!.VersionOn(new DateOnly(2026, 6, 30))!;
var quarter = Period.OfQuarter(2026, 2);
var random = new Random(2026);
var inputs = new (Dictionary<string, decimal> Scores, List<Sanction> Sanctions)[Decisions];
string[] kinds = ["remark", "reprimand", "severe-reprimand", "demotion"];
for (var i = 0; i < Decisions; i++)
{
    var scores = new Dictionary<string, decimal>
    {
        ["quality"] = random.Next(0, 501) / 100m,
        ["timeliness"] = random.Next(0, 501) / 100m,
        ["initiative"] = random.Next(0, 501) / 100m,
        ["discipline"] = random.Next(0, 501) / 100m,
        ["no-sanctions"] = random.Next(0, 501) / 100m,
    };
    var sanctions = random.Next(4) == 0 ? [new Sanction(kinds[random.Next(kinds.Length)], quarter.Start.AddDays(random.Next(0, 91)))] : new List<Sanction>();
    inputs[i] = (scores, sanctions);
}

// Warm up the decision path, then time 100,000 decisions on this thread (one core).
for (var i = 0; i < 1000; i++)
{
    QuarterScoreDecision.Decide(nhrc, "non-leader", quarter, inputs[i].Scores, inputs[i].Sanctions);
}

// Five rounds of 100,000 (the first still runs partly unoptimised code); the median round is reported.
var rounds = new List<(double Wall, double Cpu)>();
var capped = 0;
for (var round = 0; round < 5; round++)
{
    capped = 0;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    for (var i = 0; i < Decisions; i++)
    {
        var result = QuarterScoreDecision.Decide(nhrc, "non-leader", quarter, inputs[i].Scores, inputs[i].Sanctions);
        if (result.Answer!.CappedBy is not null)
        {
            capped++;
        }
    }

    timer.Stop();
    rounds.Add((timer.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds));
}

var first = rounds[0];
rounds.Sort();
var (wall, cpu) = rounds[rounds.Count / 2];
var total = warm[warm.Count / 2] + wall;
Console.WriteLine(string.Create(inv, $"load five packs + calendar: cold {cold.Elapsed.TotalMilliseconds:F1} ms, warm median {warm[warm.Count / 2]:F1} ms"));
Console.WriteLine(string.Create(inv, $"{Decisions:N0} quarter-score decisions: first round {first.Wall:F1} ms, median round {wall:F1} ms ({Decisions / (wall / 1000):N0} decisions/s, {capped:N0} capped)"));
Console.WriteLine(string.Create(inv, $"load (warm) + {Decisions:N0} decisions: {total:F1} ms wall; decisions used {cpu:F1} ms of CPU (wall time grows when other processes share the core)"));
