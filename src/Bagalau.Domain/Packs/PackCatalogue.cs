using Bagalau.Domain.Calendar;

namespace Bagalau.Domain.Packs;

/// <summary>
/// Every loaded pack plus the working-day calendar: what decisions are asked against.
/// Built all-or-nothing by <see cref="Load"/>; immutable and safe to share (a singleton in Web/CLI).
/// </summary>
public sealed class PackCatalogue
{
    private readonly Dictionary<string, Pack> _packs;

    private PackCatalogue(IEnumerable<Pack> packs, KzCalendar calendar)
    {
        _packs = packs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Calendar = calendar;
    }

    public KzCalendar Calendar { get; }

    public IEnumerable<Pack> Packs => _packs.Values.OrderBy(p => p.Id, StringComparer.Ordinal);

    public Pack? Find(string id) => _packs.GetValueOrDefault(id);

    /// <summary>A catalogue with the same packs and another calendar (e.g. with next year's decree merged in).</summary>
    public PackCatalogue WithCalendar(KzCalendar calendar) => new(_packs.Values, calendar);

    /// <summary>
    /// Reads every pack and the calendar files. Throws <see cref="PackLoadException"/> listing every
    /// problem of every file when anything is wrong: no pack is loaded then.
    /// </summary>
    public static PackCatalogue Load(IEnumerable<PackSource> packs, IEnumerable<Node> calendarFiles)
    {
        var problems = new Problems();
        var data = CalendarData.Empty;
        foreach (var file in calendarFiles)
        {
            data = data.Merge(CalendarData.Read(file, problems));
        }

        var loaded = new List<Pack>();
        foreach (var source in packs)
        {
            if (loaded.Any(p => p.Id == source.Id))
            {
                problems.Add(source.Pack, $"duplicate pack id '{source.Id}'");
                continue;
            }

            var pack = PackReader.Read(source, problems);
            if (pack is not null)
            {
                loaded.Add(pack);
            }
        }

        if (problems.Any)
        {
            throw new PackLoadException(problems.Items.Distinct().ToList());
        }

        return new PackCatalogue(loaded, KzCalendar.From(data));
    }

    /// <summary>Validates one pack on its own (for `bagalau packs validate`): the problems, empty when it is sound.</summary>
    public static IReadOnlyList<PackProblem> Validate(PackSource source)
    {
        var problems = new Problems();
        PackReader.Read(source, problems);
        return problems.Items.Distinct().ToList();
    }
}
