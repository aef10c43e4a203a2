using Bagalau.Application.Audit;
using Bagalau.Application.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>
/// Appeals to the authorized body for civil service affairs (clause 43; mdai 42) as HR records
/// them: filed within the engine's appeal deadline from the Commission's decision, else refused
/// with the clause; the outcome; a recommended re-evaluation reopens the servant's KPI and
/// competency sheets, each linked to the appeal.
/// </summary>
public sealed class AppealService(BagalauDbContext db, WorkflowSteps steps, AuditLog audit)
{
    public async Task<Outcome<EvaluationAppeal>> FileAsync(string userId, Guid sittingId, Guid servantId, string? body, DateOnly filedOn, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSitting>().AsNoTracking(), sittingId, userId, (actor, _) => actor.Roles.Count > 0, Records.Sitting, ct);
        if (opened.Value is not (var actor, var sitting))
        {
            return opened.Refusal!;
        }

        if (sitting.State == SittingState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.FileAppeal, sitting.State);
        }

        var filed = EvaluationAppeal.File(actor, sitting, servantId, body, filedOn, DeadlineOf(sitting)!);
        if (filed.Value is not { } appeal)
        {
            return filed;
        }

        db.Set<EvaluationAppeal>().Add(appeal);
        return await steps.SaveAsync(appeal, ct);
    }

    /// <summary>
    /// The last day to appeal the sitting's decisions (clause 43; mdai 42), counted from the day the
    /// Commission's decision is issued; null while the sitting has not decided. The page, the task and
    /// the refusal of a late appeal all read this one deadline.
    /// </summary>
    public Decided<DeadlineAnswer>? DeadlineOf(CommissionSitting sitting) =>
        sitting.State == SittingState.Open
            ? null
            : DeadlineDecision.Decide(steps.VersionOf(sitting.PackId, sitting.PackVersionId), "appeal", AppealDeadlineRule.DecisionDay(sitting), steps.Context.Calendar);

    /// <summary>HR records the outcome; re-evaluation reopens the servant's sheets of the cycle in the same save.</summary>
    public async Task<Outcome> RecordOutcomeAsync(string userId, Guid appealId, int version, string outcome, string? note, DateOnly today, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<EvaluationAppeal>(), appealId, userId, (actor, appeal) => actor.Is(appeal.ServantId) || actor.IsHr, Records.Appeal, ct);
        if (opened.Value is not (var actor, var appeal))
        {
            return opened.Refusal!;
        }

        if (!KindIds.TryParse<AppealOutcome>(outcome, out var parsed))
        {
            return Refusals.InvalidInput(
                $"«{outcome}» шағымды қарау нәтижесі белгісіз (рұқсат етілгені: {string.Join(", ", KindIds.All<AppealOutcome>())})",
                $"неизвестный результат рассмотрения жалобы «{outcome}» (допустимые: {string.Join(", ", KindIds.All<AppealOutcome>())})",
                $"outcome '{outcome}' ({string.Join(", ", KindIds.All<AppealOutcome>())})");
        }

        return await steps.RunAsync(appeal, version, async () =>
        {
            var recorded = appeal.RecordOutcome(actor, parsed, note, today);
            if (recorded.IsRefused || parsed != AppealOutcome.ReEvaluate)
            {
                return recorded;
            }

            var sheet = await db.WorkPlans.Where(p => p.CycleId == appeal.CycleId && p.ServantId == appeal.ServantId)
                .Join(db.KpiSheets, p => p.Id, s => s.PlanId, (p, s) => s).FirstOrDefaultAsync(ct);
            if (sheet is not null && sheet.Reopen(actor, appeal.Id) is { IsRefused: true } sheetRefused)
            {
                return sheetRefused;
            }

            var competency = await db.Set<CompetencySheet>().FirstOrDefaultAsync(s => s.CycleId == appeal.CycleId && s.ServantId == appeal.ServantId, ct);
            if (competency is not null && competency.Reopen(actor, appeal.Id) is { IsRefused: true } competencyRefused)
            {
                return competencyRefused;
            }

            return recorded;
        }, ct);
    }

    /// <summary>An appeal for the servant and HR; others get not-found.</summary>
    public async Task<Outcome<EvaluationAppeal>> GetAsync(string userId, Guid appealId, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<EvaluationAppeal>().AsNoTracking(), appealId, userId, (actor, appeal) => actor.Is(appeal.ServantId) || actor.IsHr, Records.Appeal, ct);
        if (opened.Value is not (var actor, var appeal))
        {
            return opened.Refusal!;
        }

        await audit.RecordReadAsync(nameof(EvaluationAppeal), appeal.Id.ToString(), appeal.StateBodyId, ct);
        return appeal;
    }
}
