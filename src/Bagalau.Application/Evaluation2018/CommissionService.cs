using Bagalau.Application.Acquaintance;
using Bagalau.Application.Accounts;
using Bagalau.Application.Tasks;
using Bagalau.Application.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>A seat as a form or the API sends it: the servant and chair / member / secretary.</summary>
public sealed record SeatInput(Guid ServantId, string Role);

/// <summary>One line of the protocol with what the Commission had before it (Appendix 5).</summary>
public sealed record ProtocolRow(Guid ServantId, string ServantName, string? KpiGrade, LocalizedText? KpiGradeTitle, string? CorrectedGrade, LocalizedText? CorrectedGradeTitle, int CompetenciesMet, int CompetenciesAssessed, CommissionCase Case, Guid? AcquaintanceId);

/// <summary>The protocol of a sitting: the sitting, its lines and the commission's working body (HR, or the pack's working body such as SJC's Administrative Department).</summary>
public sealed record ProtocolView(CommissionSitting Sitting, IReadOnlyList<ProtocolRow> Rows, LocalizedText WorkingBody, string? WorkingBodyClause);

/// <summary>
/// The Evaluation Commission of a 2018 cycle (chapter 5): its composition by the authorized
/// person, the schedule HR builds and the chair agrees (evaluators notified with the
/// schedule-notice date and clause), sittings with quorum, open votes and the chair's casting
/// vote from the engine, the protocol and its approval, which opens the servants'
/// acquaintance with the results.
/// </summary>
public sealed class CommissionService(BagalauDbContext db, WorkflowSteps steps, AcquaintanceService acquaintances, AuditLog audit, TaskService tasks, TimeProvider clock)
{
    private DateOnly Today => Time.KazakhstanClock.Today(clock);

    public const string ResultSubject = "evaluation-2018";

    /// <summary>HR's task to build the Commission's schedule once the Commission is set (subject: the cycle).</summary>
    public const string ScheduleTaskKind = "schedule-build";

    /// <summary>A voting member's task to vote on one servant's case of an open sitting.</summary>
    public const string VoteTaskKind = "commission-vote";

    /// <summary>The authorized person's task to approve a drawn protocol.</summary>
    public const string ApproveTaskKind = "protocol-approve";

    public static TaskSubject CycleSubject(Guid cycleId) => new("cycle-2018", cycleId);

    public static TaskSubject SittingSubject(Guid sittingId) => new("commission-sitting", sittingId);

    // ---- Composition (clauses 5, 31) ----

    public async Task<Outcome<EvaluationCommission>> ComposeAsync(string userId, Guid cycleId, int? version, IReadOnlyList<SeatInput> seats, DateOnly today, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.EvaluationCycles2018.AsNoTracking(), cycleId, userId, (actor, _) => actor.Roles.Count > 0, Records.Cycle, ct);
        if (opened.Value is not (var actor, var cycle))
        {
            return opened.Refusal!;
        }

        var parsed = new List<CommissionSeat>();
        foreach (var seat in seats)
        {
            if (!KindIds.TryParse<CommissionRole>(seat.Role, out var role))
            {
                return Refusals.InvalidInput(
                    $"Комиссиядағы «{seat.Role}» рөлі белгісіз (рұқсат етілгені: {string.Join(", ", KindIds.All<CommissionRole>())})",
                    $"неизвестная роль в Комиссии «{seat.Role}» (допустимые: {string.Join(", ", KindIds.All<CommissionRole>())})",
                    $"seat role '{seat.Role}' ({string.Join(", ", KindIds.All<CommissionRole>())})");
            }

            parsed.Add(new CommissionSeat(seat.ServantId, role));
        }

        var ids = parsed.Select(s => s.ServantId).ToList();
        if (await db.Servants.CountAsync(s => s.StateBodyId == cycle.StateBodyId && ids.Contains(s.Id), ct) != ids.Distinct().Count())
        {
            return Refusals.InvalidInput(
                $"мүшелердің бірі осы мемлекеттік органның қызметшісі емес",
                $"один из членов не является служащим этого госоргана",
                $"a member is not a servant of the body");
        }

        var packVersion = steps.VersionOf(cycle.PackId, cycle.PackVersionId);
        var commission = await db.Set<EvaluationCommission>().FirstOrDefaultAsync(c => c.CycleId == cycleId, ct);
        if (commission is null)
        {
            var composed = EvaluationCommission.Compose(actor, packVersion, cycle.StateBodyId, cycle.Id, parsed, today);
            if (composed.Value is not { } created)
            {
                return composed;
            }

            db.Set<EvaluationCommission>().Add(created);

            // The pack sets no deadline for building the schedule (clause 29 counts the notice back from the sitting).
            foreach (var hr in await tasks.UsersInRolesAsync(cycle.StateBodyId, [BodyRole.Hr, BodyRole.HrHead], ct))
            {
                tasks.ScheduleUndated(cycle.StateBodyId, cycle.PackId, cycle.PackVersionId, ScheduleTaskKind, TaskAssignee.User(hr), CycleSubject(cycle.Id), cycle.Id, null);
            }

            return await steps.SaveAsync(created, ct);
        }

        var amended = await steps.RunAsync(commission, version ?? -1, () => Task.FromResult(commission.Amend(actor, packVersion, parsed, today)), ct);
        return amended.Refusal is { } refused ? refused : commission;
    }

    public async Task<Outcome<EvaluationCommission>> CommissionAsync(string userId, Guid cycleId, CancellationToken ct = default)
    {
        var commission = await db.Set<EvaluationCommission>().AsNoTracking().FirstOrDefaultAsync(c => c.CycleId == cycleId, ct);
        if (commission is null)
        {
            return WorkflowRefusals.NotFound(Records.Commission);
        }

        var actor = await steps.ActorAsync(userId, commission.StateBodyId, ct);
        return actor.Roles.Count == 0 ? WorkflowRefusals.NotFound(Records.Commission) : commission;
    }

    // ---- Schedule (clause 29) ----

    public async Task<Outcome<CommissionSchedule>> BuildScheduleAsync(string userId, Guid cycleId, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants, DateOnly today, CancellationToken ct = default)
    {
        var commission = await db.Set<EvaluationCommission>().AsNoTracking().FirstOrDefaultAsync(c => c.CycleId == cycleId, ct);
        if (commission is null)
        {
            return Refusal.Of("no-commission", $"Алдымен уәкілетті тұлға Комиссия құрамын белгілеуі тиіс (5-тармақ)", $"Сначала уполномоченное лицо утверждает состав Комиссии (пункт 5)", $"The authorized person must set the Commission first (clause 5)");
        }

        var actor = await steps.ActorAsync(userId, commission.StateBodyId, ct);
        if (actor.Roles.Count == 0)
        {
            return WorkflowRefusals.NotFound(Records.Cycle);
        }

        if (await db.EligibilityEntries.CountAsync(e => e.CycleId == cycleId && servants.Contains(e.ServantId), ct) != servants.Distinct().Count())
        {
            return Refusals.InvalidInput(
                $"қызметшілердің бірі бағалау циклінде бағалануға жататындар тізімінде жоқ",
                $"один из служащих не входит в список подлежащих оценке в этом цикле",
                $"a servant is not on the cycle's eligibility list");
        }

        var built = CommissionSchedule.Build(actor, commission, sittings, servants, NoticeOf(commission), today);
        if (built.Value is not { } schedule)
        {
            return built;
        }

        db.Set<CommissionSchedule>().Add(schedule);
        await tasks.CompleteAsync(CycleSubject(cycleId), ScheduleTaskKind, Today, ct);
        return await steps.SaveAsync(schedule, ct);
    }

    public Task<Outcome> ChangeScheduleAsync(string userId, Guid scheduleId, int version, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants, DateOnly today, CancellationToken ct = default) =>
        ScheduleAsync(userId, scheduleId, version, (schedule, commission, actor) => Task.FromResult(schedule.Change(actor, sittings, servants, NoticeOf(commission), today)), ct);

    /// <summary>The schedule-notice deadline of the commission's pack version, counted from a sitting day.</summary>
    private Func<DateOnly, Decided<DeadlineAnswer>> NoticeOf(EvaluationCommission commission)
    {
        var version = steps.VersionOf(commission.PackId, commission.PackVersionId);
        return day => DeadlineDecision.Decide(version, "schedule-notice", day, steps.Context.Calendar);
    }

    /// <summary>The chair agrees; each evaluator (the servants' direct supervisors) gets a notification with the sitting day and the notice date and clause.</summary>
    public Task<Outcome> AgreeScheduleAsync(string userId, Guid scheduleId, int version, DateOnly today, CancellationToken ct = default) =>
        ScheduleAsync(userId, scheduleId, version, async (schedule, commission, actor) =>
        {
            var packVersion = steps.VersionOf(commission.PackId, commission.PackVersionId);
            var first = schedule.Sittings[0];
            var due = DeadlineDecision.Decide(packVersion, "schedule-notice", first, steps.Context.Calendar);
            var agreed = schedule.Agree(actor, commission, today, due);
            if (agreed.IsRefused)
            {
                return agreed;
            }

            var lines = ReportingStructure.Of(await db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == schedule.StateBodyId).ToListAsync(ct));
            var evaluators = schedule.Servants.Select(s => lines.DirectSupervisorOf(s)).OfType<Guid>().Distinct().ToList();
            var day = TreeValues.Format(first);
            var by = TreeValues.Format(schedule.NoticeDue!.Value);
            var clause = schedule.NoticeClause;
            foreach (var evaluator in evaluators)
            {
                db.Notifications.Add(new InAppNotification(
                    schedule.StateBodyId,
                    TaskAssignee.Servant(evaluator),
                    "schedule-notice",
                    new LocalizedText(
                        $"Бағалау жөніндегі комиссияның отырысы {day} өтеді; хабарлау мерзімі {by} ({clause}-тармақ)",
                        $"Заседание комиссии по оценке состоится {day}; срок уведомления {by} (пункт {clause})",
                        $"The evaluation Commission sits on {day}; notice due by {by} (clause {clause})"),
                    null,
                    today));
            }

            return agreed;
        }, ct);

    public async Task<Outcome<CommissionSchedule>> ScheduleOfAsync(string userId, Guid scheduleId, CancellationToken ct = default)
    {
        var schedule = await db.Set<CommissionSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null || (await steps.ActorAsync(userId, schedule.StateBodyId, ct)).Roles.Count == 0)
        {
            return WorkflowRefusals.NotFound(Records.Schedule);
        }

        return schedule;
    }

    public async Task<IReadOnlyList<CommissionSchedule>> SchedulesAsync(string userId, Guid cycleId, CancellationToken ct = default)
    {
        var schedules = await db.Set<CommissionSchedule>().AsNoTracking().Where(s => s.CycleId == cycleId).ToListAsync(ct);
        if (schedules.Count == 0 || (await steps.ActorAsync(userId, schedules[0].StateBodyId, ct)).Roles.Count == 0)
        {
            return [];
        }

        return schedules.OrderBy(s => s.Sittings.FirstOrDefault()).ToList();
    }

    // ---- Sittings, votes, protocol (clauses 30-39) ----

    public async Task<Outcome<CommissionSitting>> OpenSittingAsync(string userId, Guid scheduleId, DateOnly on, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSchedule>().AsNoTracking(), scheduleId, userId, (actor, _) => actor.Roles.Count > 0, Records.Schedule, ct);
        if (opened.Value is not (var actor, var schedule))
        {
            return opened.Refusal!;
        }

        var commission = await db.Set<EvaluationCommission>().AsNoTracking().FirstAsync(c => c.Id == schedule.CommissionId, ct);
        var created = CommissionSitting.Open(actor, commission, schedule, on);
        if (created.Value is not { } sitting)
        {
            return created;
        }

        db.Set<CommissionSitting>().Add(sitting);

        // Each voting member gets a task per case of the agenda; the pack sets no deadline for a vote.
        var version = steps.VersionOf(sitting.PackId, sitting.PackVersionId);
        var secretaryVotes = version.Rules.Commission is { SecretaryVotes: true };
        foreach (var seat in sitting.Seats.Where(s => s.Role != CommissionRole.Secretary || secretaryVotes))
        {
            foreach (var servant in sitting.Agenda)
            {
                tasks.ScheduleUndated(sitting.StateBodyId, sitting.PackId, sitting.PackVersionId, VoteTaskKind, TaskAssignee.Servant(seat.ServantId), SittingSubject(sitting.Id), sitting.CycleId, null, servant);
            }
        }

        return await steps.SaveAsync(sitting, ct);
    }

    /// <summary>The sitting for its members, HR and the authorized person; others get not-found.</summary>
    public async Task<Outcome<CommissionSitting>> SittingAsync(string userId, Guid sittingId, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSitting>().AsNoTracking(), sittingId, userId, MaySee, Records.Sitting, ct);
        if (opened.Value is not (var actor, var sitting))
        {
            return opened.Refusal!;
        }

        await audit.RecordReadAsync(nameof(CommissionSitting), sitting.Id.ToString(), sitting.StateBodyId, ct);
        return sitting;
    }

    public Task<Outcome> MarkPresentAsync(string userId, Guid sittingId, int version, IReadOnlyCollection<Guid> present, CancellationToken ct = default) =>
        SittingStepAsync(userId, sittingId, version, (sitting, actor, _) => Task.FromResult(sitting.MarkPresent(actor, present)), ct);

    /// <summary>A member votes on one case; the member's task for that case closes in the same save.</summary>
    public Task<Outcome> VoteAsync(string userId, Guid sittingId, int version, Guid servantId, string vote, CancellationToken ct = default) =>
        SittingStepAsync(userId, sittingId, version, async (sitting, actor, v) =>
        {
            var voted = KindIds.TryParse<CommissionVote>(vote, out var parsed)
                ? sitting.Vote(actor, v, servantId, parsed)
                : Refusals.InvalidInput(
                    $"«{vote}» дауысы белгісіз: «approve» (бекіту) немесе «revise» (қайта қарау) болуы тиіс",
                    $"неизвестный голос «{vote}»: допустимы «approve» (утвердить) или «revise» (пересмотреть)",
                    $"vote '{vote}' (approve, revise)");
            if (!voted.IsRefused && actor.ServantId is { } member)
            {
                await tasks.CompleteForAsync(SittingSubject(sitting.Id), VoteTaskKind, member, servantId, Today, ct);
            }

            return voted;
        }, ct);

    public Task<Outcome> RecordCaseAsync(string userId, Guid sittingId, int version, Guid servantId, string? correctedGrade, string? recommendations, CancellationToken ct = default) =>
        SittingStepAsync(userId, sittingId, version, (sitting, actor, v) => Task.FromResult(sitting.RecordCase(actor, v, servantId, correctedGrade, recommendations)), ct);

    /// <summary>
    /// HR draws the protocol: the votes still open are no longer needed (their tasks close) and
    /// the authorized person gets the task to approve it (the pack sets no deadline for that).
    /// </summary>
    public Task<Outcome> DrawProtocolAsync(string userId, Guid sittingId, int version, DateOnly today, CancellationToken ct = default) =>
        SittingStepAsync(userId, sittingId, version, async (sitting, actor, _) =>
        {
            var drawn = sitting.DrawProtocol(actor, today);
            if (!drawn.IsRefused)
            {
                await tasks.CompleteAsync(SittingSubject(sitting.Id), VoteTaskKind, today, ct);
                foreach (var authorized in await tasks.UsersInRolesAsync(sitting.StateBodyId, [BodyRole.AuthorizedPerson], ct))
                {
                    tasks.ScheduleUndated(sitting.StateBodyId, sitting.PackId, sitting.PackVersionId, ApproveTaskKind, TaskAssignee.User(authorized), SittingSubject(sitting.Id), sitting.CycleId, null);
                }
            }

            return drawn;
        }, ct);

    /// <summary>The authorized person approves the protocol; each servant's acquaintance with the result opens (clause 40) in the same save.</summary>
    public async Task<Outcome> ApproveProtocolAsync(string userId, Guid sittingId, int version, DateOnly today, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSitting>(), sittingId, userId, MaySee, Records.Sitting, ct);
        if (opened.Value is not (var actor, var sitting))
        {
            return opened.Refusal!;
        }

        return await steps.RunAsync(sitting, version, async () =>
        {
            var approved = sitting.ApproveProtocol(actor, today);
            if (approved.IsRefused)
            {
                return approved;
            }

            await tasks.CompleteAsync(SittingSubject(sitting.Id), ApproveTaskKind, today, ct);

            var packVersion = steps.VersionOf(sitting.PackId, sitting.PackVersionId);
            foreach (var row in await RowsAsync(sitting, packVersion, ct))
            {
                var subject = row.Case.ServantId;
                var sheetId = await db.WorkPlans.AsNoTracking().Where(p => p.CycleId == sitting.CycleId && p.ServantId == subject)
                    .Join(db.KpiSheets, p => p.Id, s => s.PlanId, (p, s) => (Guid?)s.Id).FirstOrDefaultAsync(ct);
                var unit = await steps.Context.UnitOfAsync(subject, today, ct);
                var opened = acquaintances.Open(sitting.StateBodyId, sitting.PackId, subject, ResultSubject, sheetId ?? sitting.Id, ResultText(row), today, sitting.CycleId, unit);
                if (opened.Refusal is { } refusal)
                {
                    return refusal;
                }
            }

            return approved;
        }, ct);
    }

    /// <summary>The protocol (Appendix 5) from the stored sitting, sheets and acquaintances.</summary>
    public async Task<Outcome<ProtocolView>> ProtocolAsync(string userId, Guid sittingId, CancellationToken ct = default)
    {
        var seen = await SittingAsync(userId, sittingId, ct);
        if (seen.Value is not { } sitting)
        {
            return seen.Refusal!;
        }

        var packVersion = steps.VersionOf(sitting.PackId, sitting.PackVersionId);
        var body = WorkingBody.Of(packVersion);
        return new ProtocolView(sitting, await RowsAsync(sitting, packVersion, ct), body.Title, body.Clause);
    }

    private async Task<List<ProtocolRow>> RowsAsync(CommissionSitting sitting, PackVersion packVersion, CancellationToken ct)
    {
        var ids = sitting.Cases.Select(c => c.ServantId).ToList();
        var names = await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var grades = await db.WorkPlans.AsNoTracking().Where(p => p.CycleId == sitting.CycleId && ids.Contains(p.ServantId))
            .Join(db.KpiSheets, p => p.Id, s => s.PlanId, (p, s) => new { p.ServantId, s.Id, s.Grade })
            .ToListAsync(ct);
        var competencies = await db.Set<CompetencySheet>().AsNoTracking().Where(c => c.CycleId == sitting.CycleId && ids.Contains(c.ServantId)).ToListAsync(ct);
        var acquainted = await db.Acquaintances.AsNoTracking().Where(a => a.SubjectType == ResultSubject && ids.Contains(a.ServantId) && a.ResultOn == sitting.ApprovedOn)
            .Select(a => new { a.Id, a.ServantId }).ToListAsync(ct);
        var steps2 = packVersion.Rules.KpiAnnualGrade?.Steps ?? [];
        return sitting.Cases.Select(c =>
        {
            var grade = grades.FirstOrDefault(g => g.ServantId == c.ServantId)?.Grade;
            var comp = competencies.FirstOrDefault(s => s.ServantId == c.ServantId);
            return new ProtocolRow(
                c.ServantId,
                names.GetValueOrDefault(c.ServantId, string.Empty),
                grade,
                steps2.FirstOrDefault(s => s.Grade == grade)?.Title,
                c.CorrectedGrade,
                steps2.FirstOrDefault(s => s.Grade == c.CorrectedGrade)?.Title,
                comp?.Results.Count(r => r.Level == "meets") ?? 0,
                comp?.Results.Count(r => r.Level != "not-assessed") ?? 0,
                c,
                acquainted.FirstOrDefault(a => a.ServantId == c.ServantId)?.Id);
        }).ToList();
    }

    /// <summary>What the servant is acquainted with: the KPI grade (the Commission's corrected one if revised) and the competencies met.</summary>
    private static LocalizedText ResultText(ProtocolRow row)
    {
        var grade = row.CorrectedGradeTitle ?? row.KpiGradeTitle ?? new LocalizedText(row.CorrectedGrade ?? row.KpiGrade ?? "-", row.CorrectedGrade ?? row.KpiGrade ?? "-", row.CorrectedGrade ?? row.KpiGrade ?? "-");
        var met = $"{row.CompetenciesMet}/{row.CompetenciesAssessed}";
        return new LocalizedText(
            $"НМИ бойынша: {grade.Kk}; құзыреттер: {met} сәйкес",
            $"По ЦИ: {grade.Ru}; компетенции: {met} соответствуют",
            $"KPIs: {grade.En}; competencies: {met} met");
    }

    private static bool MaySee(Actor actor, CommissionSitting sitting) =>
        actor.IsHr || actor.Has(Actor.AuthorizedPerson) || sitting.IsMember(actor);

    private async Task<Outcome> SittingStepAsync(string userId, Guid sittingId, int version, Func<CommissionSitting, Actor, PackVersion, Task<Outcome>> transition, CancellationToken ct)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSitting>(), sittingId, userId, MaySee, Records.Sitting, ct);
        if (opened.Value is not (var actor, var sitting))
        {
            return opened.Refusal!;
        }

        return await steps.RunAsync(sitting, version, () => transition(sitting, actor, steps.VersionOf(sitting.PackId, sitting.PackVersionId)), ct);
    }

    private async Task<Outcome> ScheduleAsync(string userId, Guid scheduleId, int version, Func<CommissionSchedule, EvaluationCommission, Actor, Task<Outcome>> transition, CancellationToken ct)
    {
        var opened = await steps.OpenAsync(db.Set<CommissionSchedule>(), scheduleId, userId, (actor, _) => actor.Roles.Count > 0, Records.Schedule, ct);
        if (opened.Value is not (var actor, var schedule))
        {
            return opened.Refusal!;
        }

        var commission = await db.Set<EvaluationCommission>().AsNoTracking().FirstAsync(c => c.Id == schedule.CommissionId, ct);
        return await steps.RunAsync(schedule, version, () => transition(schedule, commission, actor), ct);
    }
}
