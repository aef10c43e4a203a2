using Bagalau.Domain.Calendar;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Decisions;

/// <summary>Whether a head needs a KTI plan for the period and by when it is set.</summary>
/// <param name="Required">False when under three months remain from the appointment to the period's end.</param>
/// <param name="From">The day the 10 working days count from: the period start, or the appointment when later.</param>
/// <param name="Due">The last day to set the plan (null when none is required).</param>
/// <param name="Reason"><c>period-start</c>, <c>appointment</c> or <c>under-3-months-left</c>.</param>
public sealed record KtiPlanTimingAnswer(bool Required, DateOnly From, DateOnly? Due, string Reason) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("required", Required), new("from", From), new("due", Due), new("reason", Reason)];
}

/// <summary>
/// kti-plan-timing, oskemen 22: the evaluator sets the head's KTIs in the individual work plan
/// within ten working days after the period starts (deadline <c>plan-set</c>); a head appointed
/// later gets them within ten working days after the appointment; none are set when less than
/// three months remain from the appointment to the period's end.
/// </summary>
public static class KtiPlanTimingRule
{
    /// <summary>Clause 22, fourth paragraph: "үш айдан кем" - the act's own number, the same in every version.</summary>
    public const int MinMonthsLeft = 3;

    public const string Clause = "22";

    public static Decided<KtiPlanTimingAnswer> Decide(PackVersion version, Period period, DateOnly appointed, KzCalendar calendar)
    {
        if (version.Rules.KpiPlan is null)
        {
            return Refusals.NotInPack("kti-plan", version.Pack.Id);
        }

        if (appointed > period.End)
        {
            return Refusals.InvalidInput(
                $"тағайындалған күн ({WorkflowRefusals.Day(appointed)}) {period} кезеңі аяқталғаннан кейін",
                $"дата назначения ({WorkflowRefusals.Day(appointed)}) позже окончания периода {period}",
                $"appointed {WorkflowRefusals.Day(appointed)} after the period {period} ends");
        }

        var lateAppointment = appointed > period.Start;
        var from = lateAppointment ? appointed : period.Start;

        // "from the appointment to the end of the period less than three months", counted as
        // eligibility counts months in the position (MonthsInPosition).
        if (lateAppointment && !MonthsInPosition.Served(appointed, MinMonthsLeft, period.End))
        {
            return Decided<KtiPlanTimingAnswer>.Ok(new KtiPlanTimingAnswer(false, from, null, "under-3-months-left"), Provenance.Of(version, Clause));
        }

        var due = DeadlineDecision.Decide(version, "plan-set", from, calendar);
        if (due.IsRefused)
        {
            return due.Refusal!;
        }

        return Decided<KtiPlanTimingAnswer>.Ok(
            new KtiPlanTimingAnswer(true, from, due.Answer!.Due, lateAppointment ? "appointment" : "period-start"),
            Provenance.Of(version, due.Provenance!.Clause));
    }
}

/// <summary>One row of a permitted-score table (model methodology, Appendix 3): KTI achievement from..to % (inclusive) allows scores min..max.</summary>
public sealed record PermittedScoreRow(decimal FromPercent, decimal ToPercent, decimal MinScore, decimal MaxScore)
{
    public bool Covers(decimal percent) => FromPercent <= percent && percent <= ToPercent;

    public bool Permits(decimal score) => MinScore <= score && score <= MaxScore;
}

/// <summary>
/// The permitted-score table HR enters for a body (oskemen 27 refers to Appendix 3 of the model
/// methodology, which is not in the seed): rows inside the scale, not overlapping.
/// </summary>
public static class PermittedScoreTableRule
{
    public const string Clause = "27";

    public const int MaxRows = 50;

    public const decimal MaxPercent = 1000m;

    public static Refusal? Check(PackVersion version, IReadOnlyList<PermittedScoreRow> rows)
    {
        if (version.Rules.QuarterScore is not { } scale)
        {
            return Refusals.NotInPack("kti-score", version.Pack.Id);
        }

        if (rows.Count == 0 || rows.Count > MaxRows)
        {
            return Refusal.Of(
                "table-rows",
                $"Кестеде 1-ден {MaxRows}-ге дейін жол болуы тиіс ({Clause}-тармақ)",
                $"В таблице должно быть от 1 до {MaxRows} строк (пункт {Clause})",
                $"The table needs 1 to {MaxRows} rows (clause {Clause})");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var n = i + 1;
            if (r.FromPercent < 0 || r.ToPercent > MaxPercent || r.FromPercent > r.ToPercent)
            {
                return Refusal.Of(
                    "table-row-invalid",
                    $"{n}-жол: орындалу пайызы 0–{MaxPercent} аралығында және «бастап» ≤ «дейін» болуы тиіс",
                    $"Строка {n}: процент исполнения в пределах 0–{MaxPercent}, «от» ≤ «до»",
                    $"Row {n}: achievement must be within 0-{MaxPercent}% with from <= to");
            }

            if (r.MinScore < scale.ScaleMin || r.MaxScore > scale.ScaleMax || r.MinScore > r.MaxScore)
            {
                return Refusal.Of(
                    "table-row-invalid",
                    $"{n}-жол: рұқсат етілген баға {TreeValues.Format(scale.ScaleMin)}–{TreeValues.Format(scale.ScaleMax)} аралығында және «ең төмен» ≤ «ең жоғары» болуы тиіс",
                    $"Строка {n}: допустимая оценка в пределах {TreeValues.Format(scale.ScaleMin)}–{TreeValues.Format(scale.ScaleMax)}, «мин» ≤ «макс»",
                    $"Row {n}: permitted scores must be within {TreeValues.Format(scale.ScaleMin)}-{TreeValues.Format(scale.ScaleMax)} with min <= max");
            }
        }

        var sorted = rows.OrderBy(r => r.FromPercent).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].FromPercent <= sorted[i - 1].ToPercent)
            {
                return Refusal.Of(
                    "table-overlap",
                    $"{TreeValues.Format(sorted[i].FromPercent)}% бірнеше жолға кіреді",
                    $"{TreeValues.Format(sorted[i].FromPercent)}% попадает в несколько строк",
                    $"{TreeValues.Format(sorted[i].FromPercent)}% falls in more than one row");
            }
        }

        return null;
    }
}

/// <summary>One KTI's score and, when HR pre-computed it, the percentage of its achievement.</summary>
public sealed record KtiScoreInput(string Kti, decimal Score, decimal? AchievementPercent);

public sealed record KtiScoreAnswer(decimal Score, string Grade, bool TableApplied) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("score", Score), new("grade", Grade), new("table-applied", TableApplied)];
}

/// <summary>
/// kti-score, oskemen 21, 27, 7: the evaluator scores each KTI 0-5 on the sheet; when a
/// permitted-score table is entered, each score must be one the table permits for the KTI's
/// achievement percentage (Appendix 3 of the model methodology). The head's quarterly result is
/// based on KTI achievement (21): it is the average of the KTI scores, rounded as the pack says
/// and banded by clause 7 (interpretation: the act does not say how KTI scores combine; the same
/// reading as the differentiation sheet, clause 32). Without a table only the 0-5 scale is checked.
/// </summary>
public static class KtiScoreDecision
{
    public const string Clause = "27";

    public static Decided<KtiScoreAnswer> Decide(PackVersion version, IReadOnlyList<KtiScoreInput> ktis, IReadOnlyList<PermittedScoreRow>? table)
    {
        var rules = version.Rules;
        if (rules.KpiPlan is not { } plan || rules.QuarterScore is not { } scale || rules.GradeBands is null)
        {
            return Refusals.NotInPack("kti-score", version.Pack.Id);
        }

        if (!plan.CountAllowed(ktis.Count))
        {
            return Refusal.Of(
                "kpi-count",
                $"ТНИ саны {ktis.Count}: {plan.MinCount}-ден {plan.MaxCount}-ке дейін болуы тиіс ({plan.Clause}-тармақ)",
                $"КЦИ: {ktis.Count}, должно быть от {plan.MinCount} до {plan.MaxCount} (пункт {plan.Clause})",
                $"{ktis.Count} KTIs; {plan.MinCount} to {plan.MaxCount} required (clause {plan.Clause})");
        }

        foreach (var k in ktis)
        {
            if (k.Score < scale.ScaleMin || k.Score > scale.ScaleMax)
            {
                return Refusals.ScoreOutOfRange(k.Kti, k.Score, scale.ScaleMin, scale.ScaleMax);
            }

            if (table is null || table.Count == 0)
            {
                continue;
            }

            if (k.AchievementPercent is not { } percent)
            {
                return Refusal.Of(
                    "achievement-missing",
                    $"«{k.Kti}»: рұқсат етілген баға кестесі үшін ТНИ-дің орындалу пайызы қажет ({Clause}-тармақ)",
                    $"«{k.Kti}»: для таблицы допустимых оценок нужен процент исполнения КЦИ (пункт {Clause})",
                    $"'{k.Kti}': the permitted-score table needs the KTI's achievement percentage (clause {Clause})");
            }

            var row = table.FirstOrDefault(r => r.Covers(percent));
            if (row is null)
            {
                return Refusal.Of(
                    "achievement-not-in-table",
                    $"«{k.Kti}»: {TreeValues.Format(percent)}% рұқсат етілген баға кестесінде жоқ ({Clause}-тармақ)",
                    $"«{k.Kti}»: {TreeValues.Format(percent)}% нет в таблице допустимых оценок (пункт {Clause})",
                    $"'{k.Kti}': {TreeValues.Format(percent)}% is in no row of the permitted-score table (clause {Clause})");
            }

            if (!row.Permits(k.Score))
            {
                return Refusal.Of(
                    "score-not-permitted",
                    $"«{k.Kti}»: {TreeValues.Format(percent)}% орындалғанда {TreeValues.Format(row.MinScore)}–{TreeValues.Format(row.MaxScore)} баға рұқсат етілген, қойылғаны {TreeValues.Format(k.Score)} ({Clause}-тармақ)",
                    $"«{k.Kti}»: при исполнении {TreeValues.Format(percent)}% допустима оценка {TreeValues.Format(row.MinScore)}–{TreeValues.Format(row.MaxScore)}, выставлено {TreeValues.Format(k.Score)} (пункт {Clause})",
                    $"'{k.Kti}': at {TreeValues.Format(percent)}% achievement the permitted scores are {TreeValues.Format(row.MinScore)}-{TreeValues.Format(row.MaxScore)}; {TreeValues.Format(k.Score)} given (clause {Clause})");
            }
        }

        var score = rules.Rounding.Apply(ktis.Sum(k => k.Score) / ktis.Count);
        var band = rules.GradeBands.BandOf(score);
        if (band is null)
        {
            return Refusals.InvalidInput(
                $"{TreeValues.Format(score)} балл бірде-бір баға аралығына кірмейді",
                $"балл {TreeValues.Format(score)} не попадает ни в один диапазон оценок",
                $"score {TreeValues.Format(score)} falls in no grade band");
        }

        return Decided<KtiScoreAnswer>.Ok(new KtiScoreAnswer(score, band.Grade, table is { Count: > 0 }), Provenance.Of(version, Clause));
    }
}
