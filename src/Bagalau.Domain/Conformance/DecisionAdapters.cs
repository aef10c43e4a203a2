using Bagalau.Domain.Calendar;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Conformance;

/// <summary>What a decision needs from the runner: the version in force (resolved on demand) and the calendar.</summary>
public sealed class DecisionContext(Func<PackVersion> version, KzCalendar calendar)
{
    private PackVersion? _version;

    /// <summary>The version in force on the case's as-of date; refuses (unknown-pack, no-version-in-force) when there is none.</summary>
    public PackVersion Version => _version ??= version();

    public KzCalendar Calendar { get; } = calendar;
}

/// <summary>
/// The plain-data entry point of every decision: reads a case's input map into the typed
/// arguments of the decision's C# API and calls it. Web and API forms use the typed APIs directly.
/// </summary>
public static class DecisionAdapters
{
    private static readonly Dictionary<string, Func<DecisionContext, Node?, Decided<IAnswer>>> Adapters = new(StringComparer.Ordinal)
    {
        ["kpi-plan"] = KpiPlan,
        ["kpi-annual-grade"] = KpiAnnualGrade,
        ["competency-level"] = CompetencyLevel,
        ["quarter-score"] = QuarterScore,
        ["annual-score"] = AnnualScore,
        ["survey-360"] = Survey360,
        ["eligibility"] = Eligibility,
        ["deadline"] = Deadline,
        ["working-days"] = WorkingDays,
        ["commission-decision"] = Commission,
        ["calibration-check"] = CalibrationCheck,
        ["calibration-decision"] = CalibrationDecision,
        ["kpi-achieved"] = KpiAchieved,
        ["evaluation-method"] = EvaluationMethod,
        ["annual-consequence"] = AnnualConsequence,
    };

    /// <summary>Decisions that do not read a pack version (the calendar belongs to no act).</summary>
    public static readonly IReadOnlySet<string> VersionFree = new HashSet<string>(StringComparer.Ordinal) { "working-days" };

    public static bool IsKnown(string decision) => Adapters.ContainsKey(decision);

    public static Decided<IAnswer> Run(string decision, DecisionContext context, Node? input)
    {
        if (!Adapters.TryGetValue(decision, out var adapter))
        {
            return Decided<IAnswer>.Refused(Refusal.Of(
                "unknown-decision",
                $"«{decision}» шешімі белгісіз",
                $"Неизвестное решение «{decision}»",
                $"Unknown decision '{decision}' ({string.Join(", ", Vocabulary.Decisions)})"));
        }

        try
        {
            return adapter(context, input);
        }
        catch (InputRefusedException e)
        {
            return Decided<IAnswer>.Refused(e.Refusal);
        }
    }

    private static Decided<IAnswer> KpiPlan(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "period", "kpis");
        var period = input.Period("period");
        var kpis = input.List("kpis").Select((n, i) =>
        {
            var k = new CaseInput(n, $"kpis[{i}]", "name", "unit", "planned", "due", "result", "source");
            return new KpiEntry(k.OptionalString("name"), k.OptionalString("unit"), k.OptionalString("planned"), k.OptionalDate("due"), k.OptionalString("result"), k.OptionalString("source"));
        }).ToList();
        return KpiPlanDecision.Decide(ctx.Version, period, kpis).Untyped();
    }

    private static Decided<IAnswer> KpiAnnualGrade(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "achieved");
        var achieved = input.List("achieved").Select(n => CaseInput.BoolOf(n, "achieved")).ToList();
        return KpiAnnualGradeDecision.Decide(ctx.Version, achieved).Untyped();
    }

    private static Decided<IAnswer> CompetencyLevel(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "position", "competency", "observed", "provides-public-services");
        var p = new CaseInput(input.Required("position"), "position", "category", "qualifier");
        var position = new Position(p.String("category"), p.OptionalString("qualifier"));
        var competency = input.String("competency");
        var observed = input.List("observed").Select(n => CaseInput.IntOf(n, "observed")).ToList();
        var publicServices = input.OptionalBool("provides-public-services") ?? true;
        return CompetencyLevelDecision.Decide(ctx.Version, position, competency, observed, publicServices).Untyped();
    }

    private static Decided<IAnswer> QuarterScore(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "form", "quarter", "scores", "sanctions");
        var form = input.String("form");
        var quarter = input.Period("quarter");
        var scoresNode = input.Required("scores") as MapNode ?? throw CaseInput.Invalid(
            $"«scores» «параметр: сан» жиыны болуы тиіс",
            $"«scores» должен быть словарём «параметр: число»",
            $"'scores' must be a map parameter -> number");
        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, value) in scoresNode.Entries)
        {
            // A parameter left empty counts as not scored (score-missing).
            if (value is not ScalarNode { IsNull: true })
            {
                scores[key] = CaseInput.DecimalOf(value, key);
            }
        }

        var sanctions = input.List("sanctions", required: false).Select((n, i) =>
        {
            var s = new CaseInput(n, $"sanctions[{i}]", "kind", "applied");
            return new Sanction(s.String("kind"), s.Date("applied"));
        }).ToList();
        return QuarterScoreDecision.Decide(ctx.Version, form, quarter, scores, sanctions).Untyped();
    }

    private static Decided<IAnswer> AnnualScore(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "year", "quarters");
        var year = input.Int("year");
        var q = new CaseInput(input.Required("quarters"), "quarters", "Q1", "Q2", "Q3", "Q4");
        var quarters = new Dictionary<int, decimal?>();
        for (var i = 1; i <= 4; i++)
        {
            var key = "Q" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            quarters[i] = q.Has(key) ? CaseInput.DecimalOf(q.Required(key), key) : null;
        }

        return AnnualScoreDecision.Decide(ctx.Version, year, quarters).Untyped();
    }

    private static Decided<IAnswer> Survey360(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "role", "responses");
        var role = input.String("role");
        var responses = input.List("responses").Select((n, i) =>
        {
            var r = new CaseInput(n, $"responses[{i}]", "from", "ratings");
            var ratingsNode = r.Required("ratings") as MapNode ?? throw CaseInput.Invalid(
                $"«responses[{i}].ratings» «құзырет: сан» жиыны болуы тиіс",
                $"«responses[{i}].ratings» должен быть словарём «компетенция: число»",
                $"responses[{i}].ratings must be a map competency -> number");
            var ratings = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (key, value) in ratingsNode.Entries)
            {
                if (value is not ScalarNode { IsNull: true })
                {
                    ratings[key] = CaseInput.DecimalOf(value, key);
                }
            }

            return new SurveyResponse(r.String("from"), ratings);
        }).ToList();
        return Survey360Decision.Decide(ctx.Version, role, responses).Untyped();
    }

    private static Decided<IAnswer> Eligibility(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "period", "appointed", "probation-until", "absences", "dismissed", "evaluation-date");
        var absences = input.List("absences", required: false).Select((n, i) =>
        {
            var a = new CaseInput(n, $"absences[{i}]", "kind", "from", "to");
            var kind = a.String("kind");
            if (!Vocabulary.AbsenceKinds.Contains(kind))
            {
                throw CaseInput.Invalid(
                    $"«{kind}» болмау түрі белгісіз (рұқсат етілгені: {string.Join(", ", Vocabulary.AbsenceKinds)})",
                    $"неизвестный вид отсутствия «{kind}» (допустимые: {string.Join(", ", Vocabulary.AbsenceKinds)})",
                    $"unknown absence kind '{kind}' ({string.Join(", ", Vocabulary.AbsenceKinds)})");
            }

            return new Absence(kind, a.Date("from"), a.Date("to"));
        }).ToList();
        var data = new EligibilityInput(
            input.Period("period"),
            input.Date("appointed"),
            input.OptionalDate("probation-until"),
            absences,
            input.OptionalDate("dismissed"),
            input.OptionalDate("evaluation-date"));
        return EligibilityDecision.Decide(ctx.Version, data, ctx.Calendar).Untyped();
    }

    private static Decided<IAnswer> Deadline(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "deadline", "from");
        var id = input.String("deadline");
        var from = input.Date("from");
        return DeadlineDecision.Decide(ctx.Version, id, from, ctx.Calendar).Untyped();
    }

    private static Decided<IAnswer> WorkingDays(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "from", "add", "to", "calendar");
        var from = input.Date("from");
        var calendar = ctx.Calendar;
        if (input.Has("calendar"))
        {
            var c = new CaseInput(input.Required("calendar"), "calendar", "holidays", "workdays");
            var holidays = c.List("holidays", required: false).Select(n => CaseInput.DateOf(n, "holidays")).ToList();
            var workdays = c.List("workdays", required: false).Select(n => CaseInput.DateOf(n, "workdays")).ToList();
            calendar = calendar.With(holidays, workdays);
        }

        var answer = (input.Has("add"), input.Has("to")) switch
        {
            (true, false) => WorkingDaysDecision.Add(calendar, from, input.Int("add")),
            (false, true) => WorkingDaysDecision.Count(calendar, from, input.Date("to")),
            _ => throw CaseInput.Invalid(
                $"«add» немесе «to» кілтінің біреуін ғана көрсетіңіз",
                $"укажите либо «add», либо «to»",
                $"give either 'add' or 'to'"),
        };
        return Decided<IAnswer>.Ok(answer, new Provenance("", "", null));
    }

    private static Decided<IAnswer> Commission(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "members", "present", "votes", "chair");
        var votes = new CaseInput(input.Required("votes"), "votes", "approve", "revise");
        return CommissionDecision.Decide(ctx.Version, input.Int("members"), input.Int("present"), votes.Int("approve"), votes.Int("revise"), input.OptionalString("chair")).Untyped();
    }

    private static Decided<IAnswer> CalibrationCheck(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "members", "applicant", "evaluator", "hr");
        return CalibrationCheckDecision.Decide(ctx.Version, input.Strings("members"), input.String("applicant"), input.String("evaluator"), input.Strings("hr")).Untyped();
    }

    private static Decided<IAnswer> CalibrationDecision(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "original", "proposed", "votes", "members", "participants");
        var votes = new CaseInput(input.Required("votes"), "votes", "for-change", "against");
        int? participants = input.Has("participants") ? input.Int("participants") : null;
        return CalibrationVoteDecision.Decide(ctx.Version, input.Decimal("original"), input.Decimal("proposed"), votes.Int("for-change"), votes.Int("against"), input.Int("members"), participants).Untyped();
    }

    private static Decided<IAnswer> KpiAchieved(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "indicators");
        var indicators = input.List("indicators").Select((n, i) =>
        {
            var where = $"indicators[{i}]";
            var x = new CaseInput(n, where, "planned", "actual", "direction");
            var direction = x.OptionalString("direction") ?? "higher";
            if (direction is not ("higher" or "lower"))
            {
                throw CaseInput.Invalid(
                    $"«{where}.direction» «higher» (көбі жақсы) немесе «lower» (азы жақсы) болуы тиіс, берілгені: «{direction}»",
                    $"«{where}.direction» — «higher» (больше — лучше) или «lower» (меньше — лучше), получено: «{direction}»",
                    $"{where}.direction must be higher or lower, found '{direction}'");
            }

            return new KpiIndicator(x.Decimal("planned"), x.Decimal("actual"), direction == "lower");
        }).ToList();
        return KpiAchievedDecision.Decide(ctx.Version, indicators).Untyped();
    }

    private static Decided<IAnswer> EvaluationMethod(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "position", "unit-head");
        var p = new CaseInput(input.Required("position"), "position", "category", "leadership");
        var position = new MethodPosition(p.String("category"), p.OptionalBool("leadership") ?? false, input.OptionalBool("unit-head") ?? false);
        return EvaluationMethodDecision.Decide(ctx.Version, position).Untyped();
    }

    private static Decided<IAnswer> AnnualConsequence(DecisionContext ctx, Node? node)
    {
        var input = new CaseInput(node, "input", "results");
        var map = input.Required("results") as MapNode ?? throw CaseInput.Invalid(
            $"«results» «жыл: баға» жиыны болуы тиіс",
            $"«results» должен быть словарём «год: оценка»",
            $"'results' must be a map year -> grade");
        var results = new Dictionary<int, string?>();
        foreach (var (key, value) in map.Entries)
        {
            if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year < 1992 || year > 2100)
            {
                throw CaseInput.Invalid(
                    $"«results» кілті жыл болуы тиіс, берілгені: «{key}»",
                    $"ключ «results» должен быть годом, получено: «{key}»",
                    $"a key of 'results' must be a year, found '{key}'");
            }

            results[year] = value is ScalarNode { IsNull: true } ? null : CaseInput.Text(value, $"results.{key}");
        }

        return AnnualConsequenceDecision.Decide(ctx.Version, results).Untyped();
    }
}
