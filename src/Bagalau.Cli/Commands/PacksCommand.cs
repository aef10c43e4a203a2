using System.Globalization;
using Bagalau.Application.Packs;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Cli.Commands;

/// <summary>`bagalau packs list | show ID [--as-of DATE] | validate DIR`, with `--lang kk|ru|en` (default kk).</summary>
public sealed class PacksCommand(TimeProvider clock) : ICliCommand
{
    public PacksCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "packs";

    public string Summary => "methodology packs: packs list | packs show ID [--as-of DATE] | packs validate DIR  [--lang kk|ru|en]";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var language = "kk";
        DateOnly? asOf = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length && args[i + 1] is "kk" or "ru" or "en")
            {
                language = args[++i];
            }
            else if (args[i] == "--as-of" && i + 1 < args.Length && TreeValues.TryDate(args[i + 1], out var date))
            {
                asOf = date;
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                await stderr.WriteLineAsync($"bagalau packs: bad option '{args[i]}' (--lang kk|ru|en, --as-of YYYY-MM-DD)");
                return 2;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        switch (rest)
        {
            case ["list"]:
                return await WithCatalog(stdout, stderr, c => List(c, language, stdout));
            case ["show", var id]:
                return await WithCatalog(stdout, stderr, c => Show(c, id, asOf ?? Bagalau.Application.Time.KazakhstanClock.Today(clock), language, stdout, stderr));
            case ["validate", var dir]:
                return await Validate(dir, stdout);
            default:
                await stderr.WriteLineAsync("usage: bagalau packs list | packs show ID [--as-of YYYY-MM-DD] | packs validate DIR  [--lang kk|ru|en]");
                return 2;
        }
    }

    private static async Task<int> WithCatalog(TextWriter stdout, TextWriter stderr, Func<PackCatalogue, Task<int>> action)
    {
        PackCatalog catalog;
        try
        {
            catalog = PackCatalog.LoadEmbedded();
        }
        catch (PackLoadException e)
        {
            await stderr.WriteLineAsync("bagalau packs: the built-in packs do not load:");
            foreach (var p in e.Problems)
            {
                await stderr.WriteLineAsync("  " + p);
            }

            return 1;
        }

        return await action(catalog.Catalogue);
    }

    private static async Task<int> List(PackCatalogue catalogue, string language, TextWriter stdout)
    {
        foreach (var pack in catalogue.Packs)
        {
            await stdout.WriteLineAsync($"{pack.Id}  [{Pack.FamilyId(pack.Family)}]  {pack.Title.In(language)}");
            foreach (var v in pack.Versions)
            {
                await stdout.WriteLineAsync($"    {v.Id}: {Range(v, language)}");
            }
        }

        return 0;
    }

    private static string Range(PackVersion v, string language) =>
        $"{TreeValues.Format(v.EffectiveFrom)} .. {(v.EffectiveTo is { } to ? TreeValues.Format(to) : Open(language))}";

    private static string Open(string language) => new LocalizedText("мерзімсіз", "бессрочно", "open-ended").In(language);

    private static async Task<int> Show(PackCatalogue catalogue, string id, DateOnly asOf, string language, TextWriter stdout, TextWriter stderr)
    {
        var pack = catalogue.Find(id);
        if (pack is null)
        {
            await stderr.WriteLineAsync($"bagalau packs: unknown pack '{id}' (packs: {string.Join(", ", catalogue.Packs.Select(p => p.Id))})");
            return 1;
        }

        var labels = new
        {
            Act = new LocalizedText("Акт", "Акт", "Act").In(language),
            Source = new LocalizedText("Дереккөз", "Источник", "Source").In(language),
            Assumptions = new LocalizedText("Болжамдар", "Допущения", "Assumptions").In(language),
            Readings = new LocalizedText("Әдістеменің актіні оқуы", "Прочтение акта методикой", "The pack's readings of the act").In(language),
            Version = new LocalizedText("Нұсқа", "Редакция", "Version").In(language),
            InForce = new LocalizedText("Күшіндегі ережелер", "Правила, действующие на", "Rules in force on").In(language),
            Clause = new LocalizedText("тармақ", "пункт", "clause").In(language),
        };
        await stdout.WriteLineAsync($"{pack.Id}  [{Pack.FamilyId(pack.Family)}]");
        await stdout.WriteLineAsync(pack.Title.In(language));
        var act = pack.Act;
        await stdout.WriteLineAsync($"{labels.Act}: № {act.Number}, {TreeValues.Format(act.Adopted)}"
            + (act.Registered is { } reg ? $", reg. {TreeValues.Format(reg)}" : "")
            + (act.RegistrationNumber is { } n ? $" № {n}" : "")
            + $" - {act.Title.In(language)}");
        await stdout.WriteLineAsync($"{labels.Source}: {act.Source}");
        foreach (var extra in new[] { act.Amendments, act.Repeal }.OfType<string>())
        {
            await stdout.WriteLineAsync("  " + extra);
        }

        await stdout.WriteLineAsync($"{labels.Assumptions}:");
        foreach (var a in act.Assumptions)
        {
            await stdout.WriteLineAsync("  - " + a);
        }

        if (act.Readings.Count > 0)
        {
            await stdout.WriteLineAsync($"{labels.Readings}:");
            foreach (var r in act.Readings)
            {
                await stdout.WriteLineAsync($"  - [{labels.Clause} {r.Clause}] {r.Text.In(language)}");
            }
        }

        foreach (var v in pack.Versions)
        {
            await stdout.WriteLineAsync($"{labels.Version} {v.Id}: {Range(v, language)}" + string.Concat(v.Notes.Select(note => Environment.NewLine + "  " + note)));
        }

        var version = pack.VersionOn(asOf);
        if (version is null)
        {
            await stderr.WriteLineAsync($"bagalau packs: {Refusals.NoVersionInForce(pack, asOf).Message.In(language)} (no-version-in-force)");
            return 1;
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{labels.InForce} {TreeValues.Format(asOf)} ({labels.Version} {version.Id}):");
        foreach (var line in PackDescriber.Describe(version, language))
        {
            var clause = line.Clause is null ? "" : $"  [{labels.Clause} {line.Clause}]";
            await stdout.WriteLineAsync($"  {line.Rule}: {line.Summary}{clause}");
            if (line.ClauseText is not null)
            {
                await stdout.WriteLineAsync("      | " + line.ClauseText.Replace("\n", "\n      | ", StringComparison.Ordinal));
            }
        }

        return 0;
    }

    private static async Task<int> Validate(string directory, TextWriter stdout)
    {
        var problems = PackCatalog.ValidateDirectory(directory);
        foreach (var p in problems)
        {
            await stdout.WriteLineAsync(p.ToString());
        }

        await stdout.WriteLineAsync(problems.Count == 0
            ? "ok: no problems"
            : string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s)"));
        return problems.Count == 0 ? 0 : 1;
    }
}
