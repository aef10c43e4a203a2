using System.Globalization;
using Bagalau.Application.Audit;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Import;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Results;

/// <summary>
/// A table of results ready to write: its headers in the reader's language, one row per servant,
/// and which columns hold numbers (written as numbers in XLSX, with a point in CSV).
/// </summary>
public sealed record ResultsTable(string FileStem, IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, IReadOnlySet<int> NumberColumns);

/// <summary>
/// HR's export of results (capability 9, E-қызмет exchange): a 2018 cycle, a 2023 quarter
/// round or a 2023 year, one row per servant with name, unit, position, scores, grades, caps with
/// their clause and the acquaintance, in kk, ru or en. Who may export follows who may read the
/// results today: 2018 results are open to HR (as the KPI sheets and protocols are), 2023 results
/// to the head of HR (the packs' confidentiality rule). Every export is an audited read.
/// </summary>
public sealed class ResultsExport(BagalauDbContext db, WorkflowActors actors, PackCatalog packs, AuditLog audit)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    private static readonly LocalizedText Servant = new("Қызметші", "Служащий", "Servant");
    private static readonly LocalizedText Unit = new("Құрылымдық бөлімше", "Структурное подразделение", "Unit");
    private static readonly LocalizedText Position = new("Лауазым", "Должность", "Position");
    private static readonly LocalizedText KpiSheet = new("НМИ бағалау парағы", "Оценочный лист ЦИ", "KPI sheet");
    private static readonly LocalizedText KpisAchieved = new("Қол жеткізілген НМИ", "Достигнуто ЦИ", "KPIs achieved");
    private static readonly LocalizedText KpiGrade = new("НМИ бойынша баға", "Оценка по ЦИ", "KPI grade");
    private static readonly LocalizedText Clause = new("Тармақ", "Пункт", "Clause");
    private static readonly LocalizedText CompetenciesMet = new("Сәйкес құзыреттер", "Компетенции соответствуют", "Competencies met");
    private static readonly LocalizedText Decision = new("Комиссия шешімі", "Решение Комиссии", "Commission's decision");
    private static readonly LocalizedText CorrectedGrade = new("Түзетілген баға", "Исправленная оценка", "Corrected grade");
    private static readonly LocalizedText Acquaintance = new("Нәтижемен танысу", "Ознакомление с результатом", "Acquaintance");
    private static readonly LocalizedText Method = new("Бағалау әдісі", "Метод оценки", "Method");
    private static readonly LocalizedText State = new("Күйі", "Состояние", "State");
    private static readonly LocalizedText Average = new("Орташа балл", "Средний балл", "Average");
    private static readonly LocalizedText Score = new("Балл", "Балл", "Score");
    private static readonly LocalizedText Grade = new("Баға", "Оценка", "Grade");
    private static readonly LocalizedText Cap = new("Шектеу (тәртіптік жаза)", "Ограничение (дисциплинарное взыскание)", "Cap (sanction)");
    private static readonly LocalizedText CalibratedScore = new("Калибрлеуден кейінгі балл", "Балл после калибровки", "Calibrated score");
    private static readonly LocalizedText CalibratedGrade = new("Калибрлеуден кейінгі баға", "Оценка после калибровки", "Calibrated grade");
    private static readonly LocalizedText AnnualScore = new("Жылдық балл", "Годовой балл", "Annual score");
    private static readonly LocalizedText QuartersCounted = new("Есептелген тоқсандар", "Учтено кварталов", "Quarters counted");
    private static readonly LocalizedText Note = new("Ескертпе", "Примечание", "Note");
    private static readonly LocalizedText RatingSheetMethod = new("бағалау парағы", "оценочный лист", "rating sheet");
    private static readonly LocalizedText KtiMethod = new("ТНИ", "КЦИ", "KTIs");
    private static readonly LocalizedText Approved = new("нәтиже бекітілді", "результат утверждён", "result approved");
    private static readonly LocalizedText Revised = new("нәтиже қайта қаралды", "результат пересмотрен", "result revised");
    private static readonly LocalizedText NoQuorum = new("кворум жоқ", "нет кворума", "no quorum");

    private static LocalizedText QuarterScore(int quarter) => new($"{quarter}-тоқсан балы", $"Балл за {quarter} квартал", $"Q{quarter} score");

    /// <summary>"xlsx" or "csv" (any case); null for anything else.</summary>
    public static string? FormatOf(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" or null or "" => "xlsx",
        "csv" => "csv",
        _ => null,
    };

    /// <summary>The 2018 cycle's results: every servant the cycle evaluates (eligibility "yes").</summary>
    public async Task<Outcome<ResultsTable>> CycleAsync(string userId, Guid bodyId, Guid cycleId, string language, CancellationToken ct = default)
    {
        var opened = await OpenAsync(db.EvaluationCycles2018.AsNoTracking(), cycleId, bodyId, userId, Records.Cycle, a => a.IsHr, ActorNames.Hr, ct);
        if (opened.Value is not (_, var cycle))
        {
            return opened.Refusal!;
        }

        var servantIds = await db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == cycleId && e.Evaluate == "yes").Select(e => e.ServantId).ToListAsync(ct);
        var names = await NamesAsync(servantIds, ct);
        var places = await PlacesAsync(bodyId, servantIds, new DateOnly(cycle.Year, 12, 31), language, ct);
        var sheets = (await db.WorkPlans.AsNoTracking().Where(p => p.CycleId == cycleId)
                .Join(db.KpiSheets.AsNoTracking(), p => p.Id, s => s.PlanId, (p, s) => s).ToListAsync(ct))
            .GroupBy(s => s.ServantId).ToDictionary(g => g.Key, g => g.First());
        var competencies = (await db.Set<CompetencySheet>().AsNoTracking().Where(c => c.CycleId == cycleId).ToListAsync(ct))
            .GroupBy(c => c.ServantId).ToDictionary(g => g.Key, g => g.First());
        var sittings = await db.Set<CommissionSitting>().AsNoTracking().Where(s => s.CycleId == cycleId).OrderBy(s => s.SittingOn).ToListAsync(ct);
        var subjects = sheets.Values.Select(s => s.Id).Concat(sittings.Select(s => s.Id)).ToList();
        var acquaintances = (await db.Acquaintances.AsNoTracking()
                .Where(a => a.SubjectType == CommissionService.ResultSubject && subjects.Contains(a.SubjectId)).ToListAsync(ct))
            .GroupBy(a => a.ServantId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.ResultOn).Last());
        var version = packs.Catalogue.Find(cycle.PackId)?.Versions.FirstOrDefault(v => v.Id == cycle.PackVersionId);
        var steps = version?.Rules.KpiAnnualGrade?.Steps ?? [];
        string GradeTitle(string? grade) => grade is null ? string.Empty : steps.FirstOrDefault(s => s.Grade == grade)?.Title.In(language) ?? grade;

        var rows = servantIds.Select(id =>
        {
            var sheet = sheets.GetValueOrDefault(id);
            var competency = competencies.GetValueOrDefault(id);
            var decided = sittings.Where(s => s.Cases.Any(c => c.ServantId == id)).Select(s => s.Cases.Last(c => c.ServantId == id)).LastOrDefault();
            var place = places.GetValueOrDefault(id);
            return new[]
            {
                names.GetValueOrDefault(id, string.Empty),
                place.Unit ?? string.Empty,
                place.Position ?? string.Empty,
                sheet is null ? string.Empty : StateNames.Of(sheet.State).In(language),
                sheet?.Achieved is { } achieved ? achieved.ToString(CultureInfo.InvariantCulture) : string.Empty,
                GradeTitle(sheet?.Grade),
                ClauseCitation.Cite(sheet?.GradeClause, language),
                competency is null || competency.Results.Count == 0 ? string.Empty
                    : $"{competency.Results.Count(r => r.Level == "meets")}/{competency.Results.Count(r => r.Level != "not-assessed")}",
                decided is null ? string.Empty : DecisionText(decided.Decision, language),
                GradeTitle(decided?.CorrectedGrade),
                acquaintances.GetValueOrDefault(id) is { } a ? AcquaintanceText(a.State, a.CompletedOn ?? a.NotifiedOn, language) : string.Empty,
            };
        }).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        await audit.RecordReadAsync("ResultsExport", $"evaluation-2018/{cycleId}", bodyId, ct);
        return new ResultsTable(
            $"results-{cycle.Year}-{cycle.PackId}",
            Headers(language, Servant, Unit, Position, KpiSheet, KpisAchieved, KpiGrade, Clause, CompetenciesMet, Decision, CorrectedGrade, Acquaintance),
            rows,
            new HashSet<int> { 4 });
    }

    /// <summary>The 2023 quarter round's results: every rating sheet (not-evaluated records included) and every KTI plan of a head.</summary>
    public async Task<Outcome<ResultsTable>> RoundAsync(string userId, Guid bodyId, Guid roundId, string language, CancellationToken ct = default)
    {
        var opened = await OpenAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Records.Record, a => a.IsHrHead, ActorNames.HrHead, ct);
        if (opened.Value is not (_, var round))
        {
            return opened.Refusal!;
        }

        var pack = packs.Catalogue.Find(round.PackId);
        var version = pack is null ? null : round.VersionIn(pack);
        if (version?.Rules.Confidentiality?.VisibleTo is { } visibleTo && !visibleTo.Contains("head-of-hr"))
        {
            return WorkflowRefusals.NotAllowed(Actions.ExportResults, ActorNames.Evaluator);
        }

        var sheets = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.RoundId == roundId).ToListAsync(ct);
        var ids = sheets.Select(s => s.ServantId).Concat(plans.Select(p => p.ServantId)).Distinct().ToList();
        var names = await NamesAsync(ids, ct);
        var places = await PlacesAsync(bodyId, ids, round.Period.End, language, ct);
        string GradeTitle(string? grade) => grade is null ? string.Empty
            : version?.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == grade)?.Title.In(language) ?? grade;
        string[] Row(Guid servantId, LocalizedText method, Enum state, decimal? average, decimal? score, string? grade, string cap, string? clause, decimal? calibrated, string? calibratedGrade, string acquaintance)
        {
            var place = places.GetValueOrDefault(servantId);
            return
            [
                names.GetValueOrDefault(servantId, string.Empty), place.Unit ?? string.Empty, place.Position ?? string.Empty,
                method.In(language), StateNames.Of(state).In(language), Number(average), Number(score), GradeTitle(grade), cap,
                string.Join(", ", new[] { clause, version?.Rules.GradeBands?.Clause }.Where(c => !string.IsNullOrEmpty(c)).Distinct().Select(c => ClauseCitation.Cite(c, language))),
                Number(calibrated), GradeTitle(calibratedGrade), acquaintance,
            ];
        }

        var rows = sheets.Select(s => Row(
                s.ServantId, RatingSheetMethod, s.State, s.Average, s.Score, s.Grade,
                s.CappedBy is { } kind ? (Vocabulary.SanctionKinds.TryGetValue(kind, out var sanction) ? sanction.In(language) : kind) : string.Empty,
                s.ResultClause, s.CalibratedScore, s.CalibratedGrade,
                s.AcknowledgedOn is { } on ? AcquaintanceText(AcquaintanceState.Acknowledged, on, language)
                    : s.NotifiedOn is { } told ? AcquaintanceText(AcquaintanceState.Notified, told, language)
                    : s.State == SheetState.Submitted ? StateNames.NotAcknowledged.In(language) : string.Empty))
            .Concat(plans.Select(p => Row(p.ServantId, KtiMethod, p.State, null, p.Score, p.Grade, string.Empty, p.ResultClause, null, null, string.Empty)))
            .OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        await audit.RecordReadAsync("ResultsExport", $"quarter/{roundId}", bodyId, ct);
        return new ResultsTable(
            $"results-{round.Year}-q{round.Quarter}-{round.PackId}",
            Headers(language, Servant, Unit, Position, Method, State, Average, Score, Grade, Cap, Clause, CalibratedScore, CalibratedGrade, Acquaintance),
            rows,
            new HashSet<int> { 5, 6, 10 });
    }

    /// <summary>The 2023 year's results of one pack: every servant with a sheet or KTI plan in the year, with each quarter and the annual score (clause 4).</summary>
    public async Task<Outcome<ResultsTable>> YearAsync(string userId, Guid bodyId, string packId, int year, string language, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var pack = packs.Catalogue.Find(packId);
        var rounds = pack is null ? [] : await db.QuarterRounds.AsNoTracking().Where(r => r.StateBodyId == bodyId && r.PackId == packId && r.Year == year).ToListAsync(ct);
        if (actor is null || pack is null || rounds.Count == 0)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!actor.IsHrHead)
        {
            return WorkflowRefusals.NotAllowed(Actions.ExportResults, ActorNames.HrHead);
        }

        var roundIds = rounds.Select(r => r.Id).ToList();
        var sheets = (await db.RatingSheets.AsNoTracking().Where(s => roundIds.Contains(s.RoundId)).ToListAsync(ct)).ToLookup(s => s.ServantId);
        var plans = (await db.KtiPlans.AsNoTracking().Where(p => roundIds.Contains(p.RoundId)).ToListAsync(ct)).ToLookup(p => p.ServantId);
        var ids = sheets.Select(g => g.Key).Concat(plans.Select(g => g.Key)).Distinct().ToList();
        var names = await NamesAsync(ids, ct);
        var places = await PlacesAsync(bodyId, ids, new DateOnly(year, 12, 31), language, ct);
        var version = pack.VersionOn(new DateOnly(year, 12, 31)) ?? rounds.OrderBy(r => r.Quarter).Last().VersionIn(pack);
        var rows = ids.Select(id =>
        {
            var place = places.GetValueOrDefault(id);
            var annual = AnnualScoreService.Compute(pack, year, rounds, [.. sheets[id]], [.. plans[id]], packs.Catalogue.Calendar);
            var view = annual.Value;
            var quarters = Enumerable.Range(1, 4).Select(q => Number(view?.Quarters.FirstOrDefault(c => c.Quarter == q)?.Score)).ToArray();
            return new[]
            {
                names.GetValueOrDefault(id, string.Empty), place.Unit ?? string.Empty, place.Position ?? string.Empty,
                quarters[0], quarters[1], quarters[2], quarters[3],
                Number(view?.Score),
                view is null ? string.Empty : version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == view.Grade)?.Title.In(language) ?? view.Grade,
                ClauseCitation.Cite(view?.Clause, language),
                view?.QuartersCounted.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                annual.Refusal?.Message.In(language) ?? string.Empty,
            };
        }).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        await audit.RecordReadAsync("ResultsExport", $"annual/{packId}/{year}", bodyId, ct);
        return new ResultsTable(
            $"results-{year}-{packId}",
            Headers(language, Servant, Unit, Position, QuarterScore(1), QuarterScore(2), QuarterScore(3), QuarterScore(4), AnnualScore, Grade, Clause, QuartersCounted, Note),
            rows,
            new HashSet<int> { 3, 4, 5, 6, 7, 10 });
    }

    /// <summary>Writes the table as an XLSX workbook (one sheet) or a CSV file whose cells cannot run as formulas.</summary>
    public static Task WriteAsync(ResultsTable table, string format, Stream output, CancellationToken ct) =>
        format == "csv"
            ? CsvFormat.WriteAsync(output, table.Columns, Rows(table.Rows, row => row), ct, neutralise: true)
            : XlsxFormat.WriteAsync(output, [(Sheet: "results", table.Columns, Rows(table.Rows, WithoutControls), table.NumberColumns)], ct);

    /// <summary>A cell of text is never a formula in the workbook; control characters (invalid in its XML) are dropped.</summary>
    private static string[] WithoutControls(string[] row) => [.. row.Select(cell => string.Concat(cell.Where(c => !char.IsControl(c))))];

    private static async IAsyncEnumerable<string[]> Rows(IReadOnlyList<string[]> rows, Func<string[], string[]> clean)
    {
        foreach (var row in rows)
        {
            yield return clean(row);
        }

        await Task.CompletedTask;
    }

    private async Task<Outcome<Opened<T>>> OpenAsync<T>(IQueryable<T> records, Guid id, Guid bodyId, string userId, LocalizedText what, Func<Actor, bool> may, LocalizedText who, CancellationToken ct)
        where T : Domain.Organisation.OrganisationEntity
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id && r.StateBodyId == bodyId, ct);
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (record is null || actor is null)
        {
            return WorkflowRefusals.NotFound(what);
        }

        return may(actor) ? new Opened<T>(actor, record) : WorkflowRefusals.NotAllowed(Actions.ExportResults, who);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);

    /// <summary>Each servant's unit and position on <paramref name="day"/> (or the last held before it, or the first after).</summary>
    private async Task<Dictionary<Guid, (string? Unit, string? Position)>> PlacesAsync(Guid bodyId, IReadOnlyCollection<Guid> ids, DateOnly day, string language, CancellationToken ct)
    {
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.StateBodyId == bodyId && ids.Contains(a.ServantId))
            .Select(a => new { a.ServantId, a.PositionId, a.From }).ToListAsync(ct);
        var positions = await db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).ToDictionaryAsync(u => u.Id, ct);
        return appointments.GroupBy(a => a.ServantId).ToDictionary(
            g => g.Key,
            g =>
            {
                var held = g.Where(a => a.From <= day).OrderBy(a => a.From).LastOrDefault() ?? g.OrderBy(a => a.From).First();
                var position = positions.GetValueOrDefault(held.PositionId);
                var unit = position is null ? null : units.GetValueOrDefault(position.UnitId);
                return (unit?.NameIn(language), position?.TitleIn(language));
            });
    }

    private static string[] Headers(string language, params LocalizedText[] headers) => [.. headers.Select(h => h.In(language))];

    private static string Number(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string AcquaintanceText(AcquaintanceState state, DateOnly? on, string language) =>
        StateNames.Of(state).In(language) + (on is { } day && state != AcquaintanceState.Pending ? " " + Day(day) : string.Empty);

    private static string DecisionText(string decision, string language) => decision switch
    {
        "approve" => Approved.In(language),
        "revise" => Revised.In(language),
        _ => NoQuorum.In(language),
    };
}
