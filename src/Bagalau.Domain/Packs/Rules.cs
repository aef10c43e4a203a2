namespace Bagalau.Domain.Packs;

/// <summary>Every rule of one pack version. A rule the version does not have is null (decisions then refuse with not-in-pack).</summary>
public sealed record PackRules
{
    public IReadOnlyList<Role> Roles { get; init; } = [];

    public EvaluationPeriodRule? Period { get; init; }

    public IReadOnlyList<Form> Forms { get; init; } = [];

    public KpiPlanRule? KpiPlan { get; init; }

    public KpiAnnualGradeRule? KpiAnnualGrade { get; init; }

    public CompetencyList? Competencies { get; init; }

    public CompetencyLevelRule? CompetencyLevel { get; init; }

    public GradeBands? GradeBands { get; init; }

    public Rounding Rounding { get; init; } = Rounding.Default;

    public QuarterScoreRule? QuarterScore { get; init; }

    public SanctionCaps? SanctionCaps { get; init; }

    public AnnualScoreRule? AnnualScore { get; init; }

    public Survey360Rule? Survey360 { get; init; }

    public EligibilityRules? Eligibility { get; init; }

    public CommissionRule? Commission { get; init; }

    public CalibrationRule? Calibration { get; init; }

    public EvaluationMethodRules? EvaluationMethod { get; init; }

    public IReadOnlyDictionary<string, DeadlineRule> Deadlines { get; init; } = new Dictionary<string, DeadlineRule>();

    public RetentionRule? Retention { get; init; }

    public ConfidentialityRule? Confidentiality { get; init; }

    public Form? Form(string id)
    {
        foreach (var form in Forms)
        {
            if (form.Id == id)
            {
                return form;
            }
        }

        return null;
    }
}

/// <summary>A person or body the act gives a part in the evaluation (2.1, 5, ...).</summary>
public sealed record Role(string Id, LocalizedText Title, string Clause, bool WorkingBody);

/// <summary>What the evaluated period is (2018: the plan's year; 2023: a quarter).</summary>
public sealed record EvaluationPeriodRule(PeriodKind Kind, string Clause);

public enum PeriodKind
{
    Year,
    Quarter,
}

/// <summary>A form of an appendix: its columns (fields) and, for rating sheets, its scored parameters.</summary>
public sealed record Form(string Id, string Clause, LocalizedText Title, IReadOnlyList<FormField> Fields, IReadOnlyList<Parameter> Parameters)
{
    private readonly HashSet<string> _parameterIds = Parameters.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

    public bool HasParameter(string id) => _parameterIds.Contains(id);
}

public sealed record FormField(string Id, LocalizedText Title);

/// <summary>A scored parameter of a rating sheet, with the act's "taken into account" guidance (Kazakh, verbatim).</summary>
public sealed record Parameter(string Id, LocalizedText Title, string? GuidanceKk, string Clause);

/// <summary>Clause 14 (mdai 13; oskemen 23): how many KPIs/KTIs a plan has and what each must carry.</summary>
public sealed record KpiPlanRule(string Clause, int MinCount, int MaxCount, IReadOnlyList<PeriodKind> Periods, IReadOnlyList<string> RequiredFields)
{
    /// <summary>
    /// The position categories evaluated by the plan instead of a rating sheet (oskemen 3, 2.4:
    /// the head of the apparatus, E-2); empty when the pack does not say so (every servant gets a sheet).
    /// </summary>
    public IReadOnlyList<string> EvaluatedCategories { get; init; } = [];

    /// <summary>The clause that names the plan as the method for those categories.</summary>
    public string? EvaluatedClause { get; init; }

    public bool CountAllowed(int count) => count >= MinCount && count <= MaxCount;
}

/// <summary>Clause 18 (mdai 17): the year's KPI grade from how many of the plan's KPIs were achieved.</summary>
public sealed record KpiAnnualGradeRule(string Clause, int PlanSize, IReadOnlyList<KpiGradeStep> Steps)
{
    /// <summary>The grade of the first step (highest threshold first) whose threshold is reached.</summary>
    public string GradeOf(int achieved) =>
        Steps.OrderByDescending(s => s.AchievedAtLeast).First(s => achieved >= s.AchievedAtLeast).Grade;
}

public sealed record KpiGradeStep(string Grade, int AchievedAtLeast, LocalizedText Title);

/// <summary>Appendix 3: the competencies in order; public-service ones are not assessed for servants without public services.</summary>
public sealed record CompetencyList(string Clause, IReadOnlyList<Competency> Items)
{
    public Competency? Find(string id) => Items.FirstOrDefault(c => c.Id == id);
}

public sealed record Competency(string Id, LocalizedText Title, bool PublicService);

/// <summary>
/// Clauses 26-27 (mdai 25-26): "meets" when at least Numerator/Denominator of the cell's effective
/// indicators were observed; at most <see cref="MaxIndicators"/> indicators per competency.
/// </summary>
public sealed record CompetencyLevelRule(string Clause, string NotCoveredClause, int Numerator, int Denominator, int MaxIndicators, string MaxIndicatorsClause)
{
    public bool Meets(int observed, int indicators) => observed * Denominator >= indicators * Numerator;
}

/// <summary>Clause 7 (2023 family): score bands, written to two decimals, and their grades.</summary>
public sealed record GradeBands(string Clause, IReadOnlyList<GradeBand> Bands)
{
    public decimal Min => Bands.Min(b => b.From);

    public decimal Max => Bands.Max(b => b.To);

    /// <summary>The grade of a score already rounded to the pack's decimals; null outside every band.</summary>
    public GradeBand? BandOf(decimal score)
    {
        foreach (var band in Bands)
        {
            if (band.From <= score && score <= band.To)
            {
                return band;
            }
        }

        return null;
    }
}

public sealed record GradeBand(string Grade, decimal From, decimal To, LocalizedText Title);

/// <summary>How averages are rounded before banding and capping (an interpretation of clause 7's two-decimal bands).</summary>
public sealed record Rounding(int Decimals, MidpointRounding Mode)
{
    public static Rounding Default { get; } = new(2, MidpointRounding.AwayFromZero);

    public decimal Apply(decimal value) => Math.Round(value, Decimals, Mode);
}

/// <summary>Quarterly rating sheet (oskemen 31-32, nhrc 16-17): scores within the scale, averaged.</summary>
public sealed record QuarterScoreRule(string Clause, decimal ScaleMin, decimal ScaleMax);

public enum CapTarget
{
    /// <summary>The cap limits the quarter's average (nhrc interpretation).</summary>
    Score,

    /// <summary>The cap limits only the sanctions parameter's own score.</summary>
    Parameter,
}

/// <summary>nhrc appendices 1-2, parameter 5: a sanction applied within the quarter caps the score.</summary>
public sealed record SanctionCaps(IReadOnlyList<string> Clauses, CapTarget AppliesTo, string Parameter, IReadOnlyList<SanctionCap> Caps)
{
    public SanctionCap? CapFor(string kind)
    {
        foreach (var cap in Caps)
        {
            if (cap.Kinds.Contains(kind))
            {
                return cap;
            }
        }

        return null;
    }
}

public sealed record SanctionCap(IReadOnlyList<string> Kinds, decimal Max);

/// <summary>Clause 4 (2023 family): the final annual score is the average of the year's quarterly scores.</summary>
public sealed record AnnualScoreRule(string Clause);

/// <summary>oskemen chapter 4: the yearly 360 survey.</summary>
public sealed record Survey360Rule(
    string Clause,
    decimal ScaleMin,
    decimal ScaleMax,
    int MinRespondents,
    int MaxRespondents,
    IReadOnlyDictionary<string, IReadOnlyList<string>> CompetenciesByRole,
    IReadOnlyList<Competency> Competencies);

/// <summary>Who is evaluated (2018: clause 4; 2023: clauses 5-6), as ordered rules.</summary>
public sealed record EligibilityRules(string Clause, IReadOnlyList<EligibilityRule> Rules);

/// <summary>One eligibility rule; the first rule that applies decides.</summary>
public abstract record EligibilityRule(string Clause);

/// <summary>Not evaluated when appointed + MinMonths is after the period's last day (tenure counted to the period end).</summary>
public sealed record TenureRule(string Clause, int MinMonths, string Reason, IReadOnlyList<string> ResetByKinds) : EligibilityRule(Clause);

/// <summary>Not evaluated while on probation on the evaluation date.</summary>
public sealed record ProbationRule(string Clause) : EligibilityRule(Clause);

/// <summary>Absent on the evaluation date: evaluated within N working days after the return day.</summary>
public sealed record AbsenceAfterReturnRule(string Clause, IReadOnlyList<string> Kinds, int WorkingDays) : EligibilityRule(Clause);

/// <summary>Absent on the evaluation date: evaluated without participation (oskemen 5, second paragraph, to 31.08.2023).</summary>
public sealed record AbsenceWithoutParticipationRule(string Clause, IReadOnlyList<string> Kinds) : EligibilityRule(Clause);

/// <summary>nhrc 5: the period must include at least MinWorkingDays actually worked.</summary>
public sealed record WorkedDaysRule(string Clause, int MinWorkingDays, IReadOnlyList<string> NotWorkedKinds) : EligibilityRule(Clause);

/// <summary>Dismissed before the period ends: evaluated without participation (2023 family, clause 6).</summary>
public sealed record DismissedRule(string Clause) : EligibilityRule(Clause);

/// <summary>2023 family: which method, form and evaluator a position gets (nhrc 16, oskemen 3), as ordered rules.</summary>
public sealed record EvaluationMethodRules(string Clause, IReadOnlyList<EvaluationMethodRule> Rules);

/// <summary>
/// One rule: applies to the listed categories (any when empty) and, when set, only to leadership
/// or only to other positions; the first rule that applies decides.
/// </summary>
public sealed record EvaluationMethodRule(IReadOnlyList<string> Categories, bool? Leadership, string Method, string Form, string Evaluator, string Clause);

/// <summary>2018 family chapter 5: the Evaluation Commission. MinMembers is null when the act sets no minimum (sjc's amended clause 5).</summary>
public sealed record CommissionRule(
    string Clause,
    int? MinMembers,
    string? MinMembersClause,
    int QuorumNumerator,
    int QuorumDenominator,
    string QuorumClause,
    bool SecretaryVotes)
{
    /// <summary>
    /// Whose majority decides: the votes cast by the members present (the shipped packs' reading of
    /// "Комиссия мүшелерінің көпшілік дауысымен" with the chair's vote on a tie of the votes cast),
    /// or all members (a body whose act means all members).
    /// </summary>
    public MajorityOf MajorityOf { get; init; } = MajorityOf.Present;

    public bool HasQuorum(int members, int present) => present * QuorumDenominator >= members * QuorumNumerator;
}

/// <summary>Of whom a majority is counted.</summary>
public enum MajorityOf
{
    /// <summary>The members present at the sitting (commission).</summary>
    Present,

    /// <summary>All members of the body or panel.</summary>
    Members,

    /// <summary>Those taking part in the session (oskemen 002:274, "қатысушылардың").</summary>
    Participants,
}

/// <summary>2023 family calibration session: its composition (nhrc 19) and the vote (oskemen 41, nhrc 22).</summary>
public sealed record CalibrationRule(CalibrationComposition? Composition, string DecisionClause)
{
    /// <summary>oskemen: of the participants; nhrc: of the members ("мүшелерінің басым дауысымен").</summary>
    public MajorityOf MajorityOf { get; init; } = MajorityOf.Members;
}

public sealed record CalibrationComposition(string Clause, int MinMembers, bool OddCount, bool ExcludesApplicant, bool ExcludesEvaluator, bool RequiresHr);

public enum DeadlineKind
{
    /// <summary>The N-th working day after the start day (not counted).</summary>
    WorkingDaysAfter,

    /// <summary>The N-th working day before the start day.</summary>
    WorkingDaysBefore,

    /// <summary>A fixed day of the month after the start day's month (calendar date, never moved).</summary>
    DayOfNextMonth,

    /// <summary>A fixed date of the year after the start day's year.</summary>
    DateOfNextYear,
}

/// <summary>A deadline of the act: how it is counted and the clause that sets it.</summary>
public sealed record DeadlineRule(string Id, DeadlineKind Kind, int Days, int Month, string Clause)
{
    public DateOnly DueFrom(DateOnly from, Calendar.KzCalendar calendar) => Kind switch
    {
        DeadlineKind.WorkingDaysAfter => calendar.AddWorkingDays(from, Days),
        DeadlineKind.WorkingDaysBefore => calendar.AddWorkingDays(from, -Days),
        DeadlineKind.DayOfNextMonth => NextMonthDay(from),
        _ => new DateOnly(from.Year + 1, Month, Math.Min(Days, DateTime.DaysInMonth(from.Year + 1, Month))),
    };

    private DateOnly NextMonthDay(DateOnly from)
    {
        var first = new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        return first.AddDays(Math.Min(Days, DateTime.DaysInMonth(first.Year, first.Month)) - 1);
    }
}

/// <summary>Clause 8 (2018) / 14 (oskemen) / 12 (nhrc): documents kept for N years after the evaluation.</summary>
public sealed record RetentionRule(string Clause, int Years, string Keeper);

/// <summary>Who may see results (oskemen 15, 20; nhrc 13).</summary>
public sealed record ConfidentialityRule(string Clause, IReadOnlyList<string> VisibleTo);
