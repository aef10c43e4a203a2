namespace Bagalau.Domain.Packs;

/// <summary>The two families of methodologies (methodologies.md).</summary>
public enum PackFamily
{
    /// <summary>kpi-competency-2018: yearly KPI plan and grade, competencies with Appendix 4 indicators, commission.</summary>
    KpiCompetency2018,

    /// <summary>quarterly-2023: quarterly rating sheets or KTIs, annual average, 360, calibration.</summary>
    Quarterly2023,
}

/// <summary>The act a pack transcribes, with the dates the pack assumes (the seeds lack publication dates).</summary>
public sealed record ActInfo(
    LocalizedText Title,
    string Number,
    DateOnly Adopted,
    DateOnly? Registered,
    string? RegistrationNumber,
    string Source,
    string? Amendments,
    string? Repeal,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>Why the act stopped applying, in words for people (kk/ru/en); null while it applies.</summary>
    public LocalizedText? RepealedBy { get; init; }

    /// <summary>How the pack reads the act where the text is silent or open, each with its clause.</summary>
    public IReadOnlyList<PackReading> Readings { get; init; } = [];
}

/// <summary>One reading of the act the pack adopts (a date the seed lacks, an ambiguous word), shown wherever the pack is shown.</summary>
public sealed record PackReading(string Clause, LocalizedText Text);

/// <summary>
/// A methodology pack: one state body's approved methodology as data, with versions selected by
/// date. Every rule of every version cites the clause of the act it comes from.
/// </summary>
public sealed class Pack
{
    public Pack(
        string id,
        PackFamily family,
        LocalizedText title,
        ActInfo act,
        IReadOnlyList<PackVersion> versions,
        ClauseTexts? clauses,
        IndicatorTable? indicators)
    {
        Id = id;
        Family = family;
        Title = title;
        Act = act;
        Versions = versions;
        Clauses = clauses;
        Indicators = indicators;
        foreach (var v in versions)
        {
            v.Pack = this;
        }
    }

    public string Id { get; }

    public PackFamily Family { get; }

    public LocalizedText Title { get; }

    public ActInfo Act { get; }

    /// <summary>Versions in date order; they never overlap (checked on load).</summary>
    public IReadOnlyList<PackVersion> Versions { get; }

    /// <summary>The act's clause texts (clauses.yaml), when the pack ships them.</summary>
    public ClauseTexts? Clauses { get; }

    /// <summary>The Appendix 4 behavioural-indicator table (indicators.yaml), 2018 family only.</summary>
    public IndicatorTable? Indicators { get; }

    public static string FamilyId(PackFamily family) => family switch
    {
        PackFamily.KpiCompetency2018 => "kpi-competency-2018",
        _ => "quarterly-2023",
    };

    /// <summary>The version in force on <paramref name="date"/>, or null when none is.</summary>
    public PackVersion? VersionOn(DateOnly date) =>
        Versions.FirstOrDefault(v => v.EffectiveFrom <= date && (v.EffectiveTo is null || date <= v.EffectiveTo));
}

/// <summary>One version of a pack: the rules in force between two dates (both inclusive).</summary>
public sealed class PackVersion(string id, DateOnly effectiveFrom, DateOnly? effectiveTo, IReadOnlyList<string> notes, PackRules rules)
{
    public string Id { get; } = id;

    public DateOnly EffectiveFrom { get; } = effectiveFrom;

    /// <summary>Last day in force, or null when open-ended.</summary>
    public DateOnly? EffectiveTo { get; } = effectiveTo;

    /// <summary>Assumptions and notes about this version's dates and content.</summary>
    public IReadOnlyList<string> Notes { get; } = notes;

    public PackRules Rules { get; } = rules;

    /// <summary>The pack the version belongs to (set when the pack is built).</summary>
    public Pack Pack { get; internal set; } = null!;
}

/// <summary>The verbatim clause texts of an act, by clause id ("18", "2.1", "appendix-4").</summary>
public sealed class ClauseTexts(string source, IReadOnlyDictionary<string, string> texts)
{
    public string Source { get; } = source;

    public IReadOnlyDictionary<string, string> Texts { get; } = texts;

    public string? this[string clause] => Texts.GetValueOrDefault(clause);
}
