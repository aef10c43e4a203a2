using Bagalau.Application.Accounts;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Documents;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Bagalau.Application.Time;

namespace Bagalau.Application.Evaluation2023;

public sealed record CalibrationSessionInput(
    string? Justification, string? ObjectionForm, string? Objection, string? Arguments, decimal ProposedScore, IReadOnlyList<MemberBallot> Ballots);

/// <summary>A person of a calibration case with the position they hold (kk/ru/en titles).</summary>
public sealed record CalibrationPerson(Guid ServantId, string Name, LocalizedText? Position);

/// <summary>A servant the authorized person can put on the panel, with what clause 19 cares about.</summary>
public sealed record CalibrationCandidate(Guid ServantId, string Name, LocalizedText? Position, bool IsHr, bool IsEvaluator, bool IsApplicant, bool IsApplicantsEvaluator);

/// <summary>A case as its participants see it: the people, the period, the grades' titles and what the viewer may do now.</summary>
public sealed record CalibrationView(
    CalibrationCase Case, string PackId, int Year, int Quarter, CalibrationPerson Applicant, CalibrationPerson Evaluator,
    IReadOnlyList<CalibrationPerson> Members, string? OriginalGrade, LocalizedText? OriginalGradeTitle, LocalizedText? FinalGradeTitle,
    decimal ScaleMin, decimal ScaleMax, bool HasCompositionRule, bool CanConvene, bool CanRecordSession, bool CanPostProtocol, bool IsApplicant);

/// <summary>A submitted, acknowledged result of the user's that can still be taken to calibration (or already was).</summary>
public sealed record CalibrationCandidateResult(Guid SheetId, int Year, int Quarter, decimal? Score, string? Grade, LocalizedText? GradeTitle, DateOnly AcknowledgedOn, DateOnly? ApplyBy, string? ApplyClause, Guid? CaseId);

/// <summary>
/// A case in a list: that it exists, its state and deadlines, nothing of the result (no score,
/// objection, argument or vote); <paramref name="CanOpen"/> says whether the reader may open it
/// (an HR officer outside the case sees the entry only, nhrc 13 / oskemen 20).
/// </summary>
public sealed record CalibrationEntry(
    Guid Id, Guid SheetId, CalibrationState State, DateOnly AppliedOn, DateOnly DecisionDue, string DecisionClause,
    DateOnly SessionDue, string SessionClause, int Version, bool CanOpen);

/// <summary>A feedback meeting to record (as evaluator) or to read (as the servant).</summary>
public sealed record FeedbackItem(Guid SheetId, int Year, int Quarter, string ServantName, bool AsEvaluator, DateOnly? FeedbackOn);

/// <summary>
/// Calibration of a quarterly result (oskemen chapter 5, nhrc chapter 3): the servant applies,
/// the authorized person convenes (engine calibration-check where the pack has it), HR records
/// the session and the vote (engine calibration-decision) and posts the protocol. The case is
/// open to the applicant, the evaluator, the head of HR, the members and the authorized person;
/// another HR officer sees only that it exists and its state (<see cref="CalibrationAccessRule"/>).
/// </summary>
public sealed class CalibrationService(
    BagalauDbContext db, PackCatalog packs, RatingSheetService sheets, WorkflowActors actors, WorkflowSteps steps, AuditLog audit, TaskService tasks, TimeProvider clock)
{
    /// <summary>Task kinds of the calibration deadlines (decision, session, protocol), each with its clause.</summary>
    public const string DecideTaskKind = "calibration-decide";

    public const string SessionTaskKind = "calibration-session";

    public const string ProtocolTaskKind = "calibration-protocol";

    private DateOnly Today => KazakhstanClock.Today(clock);

    public async Task<Outcome<CalibrationCase>> ApplyAsync(string userId, Guid bodyId, Guid sheetId, string? statement, CancellationToken ct = default)
    {
        var loaded = await sheets.LoadAsync(userId, bodyId, sheetId, RatingSheetService.IsTheServant, tracked: false, ct);
        if (loaded.Value is not (var actor, var sheet, var round, var version))
        {
            return loaded.Refusal!;
        }

        if (await db.CalibrationCases.AnyAsync(c => c.SheetId == sheetId, ct))
        {
            return Refusal.Of(
                RefusalKind.Conflict,
                "calibration-exists",
                $"Бұл нәтиже бойынша өтініш бұрын берілген",
                $"Заявление по этому результату уже подано",
                $"An application for this result already exists");
        }

        var outcome = CalibrationCase.Apply(version!, packs.Catalogue.Calendar, sheet, actor, statement, Today);
        if (outcome.IsRefused)
        {
            return outcome.Refusal!;
        }

        var created = outcome.Value!;
        db.CalibrationCases.Add(created);
        Schedule(created, round!, "calibration-decision", created.DecisionDue, created.DecisionClause, DecideTaskKind, await UsersInRolesAsync(bodyId, [BodyRole.AuthorizedPerson], ct));
        return await steps.SaveAsync(created, ct);
    }

    /// <summary>The authorized person approves the members; the HR members are the servants holding an HR role in the body.</summary>
    public async Task<Outcome<CalibrationCase>> ConveneAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, IReadOnlyList<Guid> members, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, var sheet, var version))
        {
            return loaded.Refusal!;
        }

        var known = await db.Servants.Where(s => s.StateBodyId == bodyId && members.Contains(s.Id)).CountAsync(ct);
        if (known != members.Distinct().Count())
        {
            return Refusals.InvalidInput(
                $"мүшелердің бірі осы мемлекеттік органның қызметшісі емес",
                $"один из членов не является служащим этого госоргана",
                $"a member is not a servant of this body");
        }

        return await steps.RunAsync(calibration, expectedVersion, async () =>
        {
            var hrServants = await HrServantsAsync(bodyId, ct);
            var evaluators = await EvaluatorsAsync(bodyId, sheet.RoundId, ct);
            if (calibration.Convene(version, actor, members, hrServants, Today, evaluators) is { } refusal)
            {
                return refusal;
            }

            await tasks.CompleteAsync(Subject(calibration), DecideTaskKind, Today, ct);
            Schedule(calibration, await RoundOfAsync(sheet, ct), "calibration-session", calibration.SessionDue, calibration.SessionClause, SessionTaskKind, await RunnersAsync(calibration, ct));
            return null;
        }, ct);
    }

    public async Task<Outcome<CalibrationCase>> DecideAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, CalibrationSessionInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, var sheet, var version))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(calibration, expectedVersion, async () =>
        {
            var session = new CalibrationSession(input.Justification, input.ObjectionForm, input.Objection, input.Arguments, input.ProposedScore, input.Ballots);
            if (calibration.Decide(version, packs.Catalogue.Calendar, actor, sheet, session, Today) is { } refusal)
            {
                return refusal;
            }

            await tasks.CompleteAsync(Subject(calibration), SessionTaskKind, Today, ct);
            Schedule(calibration, await RoundOfAsync(sheet, ct), "calibration-protocol", calibration.ProtocolDue!.Value, calibration.ProtocolClause, ProtocolTaskKind, await RunnersAsync(calibration, ct));
            return null;
        }, ct);
    }

    public async Task<Outcome<CalibrationCase>> PostProtocolAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, _, var version))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(calibration, expectedVersion, async () =>
        {
            if (calibration.PostProtocol(version, packs.Catalogue.Calendar, actor, Today) is { } refusal)
            {
                return refusal;
            }

            await tasks.CompleteAsync(Subject(calibration), ProtocolTaskKind, Today, ct);
            return null;
        }, ct);
    }

    /// <summary>The case with its sheet, for those who may open it; the read is audited.</summary>
    public async Task<Outcome<CalibrationCase>> GetAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, _, _))
        {
            return loaded.Refusal!;
        }

        await audit.RecordReadAsync(nameof(CalibrationCase), calibration.Id.ToString(), bodyId, ct);
        return Outcome<CalibrationCase>.Ok(calibration);
    }

    /// <summary>
    /// Cases the user takes part in (applicant, evaluator, member, head of HR, authorized person),
    /// and for another HR officer every case of the body as an entry they cannot open.
    /// </summary>
    public async Task<IReadOnlyList<CalibrationEntry>> ListAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return [];
        }

        var all = await db.CalibrationCases.AsNoTracking().Where(c => c.StateBodyId == bodyId).OrderByDescending(c => c.AppliedOn).ToListAsync(ct);
        return [.. all
            .Select(c => (Case: c, Access: CalibrationAccessRule.Of(actor, c)))
            .Where(x => x.Access != CalibrationAccess.None)
            .Select(x => new CalibrationEntry(
                x.Case.Id, x.Case.SheetId, x.Case.State, x.Case.AppliedOn, x.Case.DecisionDue, x.Case.DecisionClause,
                x.Case.SessionDue, x.Case.SessionClause, x.Case.Version, x.Access == CalibrationAccess.Full))];
    }

    /// <summary>The case with the people's names and positions and what the viewer may do; the read is audited.</summary>
    public async Task<Outcome<CalibrationView>> ViewAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, var sheet, var version))
        {
            return loaded.Refusal!;
        }

        var round = await RoundOfAsync(sheet!, ct);
        var ids = calibration.Members.Select(m => m.ServantId).Append(calibration.ApplicantId).Append(calibration.EvaluatorId).ToList();
        var people = await PeopleAsync(bodyId, ids, ct);
        var bands = version!.Rules.GradeBands?.Bands ?? [];
        LocalizedText? Title(string? grade) => bands.FirstOrDefault(b => b.Grade == grade)?.Title;
        var scale = version.Rules.QuarterScore;
        await audit.RecordReadAsync(nameof(CalibrationCase), calibration.Id.ToString(), bodyId, ct);
        return Outcome<CalibrationView>.Ok(new CalibrationView(
            calibration, round.PackId, round.Year, round.Quarter, people[calibration.ApplicantId], people[calibration.EvaluatorId],
            [.. calibration.Members.Select(m => people[m.ServantId])], sheet!.Grade, Title(sheet.Grade), Title(calibration.FinalGrade),
            scale?.ScaleMin ?? 0, scale?.ScaleMax ?? 5, version.Rules.Calibration?.Composition is not null,
            actor.IsAuthorized && calibration.State == CalibrationState.Applied,
            CalibrationAccessRule.MayRun(actor, calibration) && calibration.State == CalibrationState.Convened,
            CalibrationAccessRule.MayRun(actor, calibration) && calibration.State == CalibrationState.Closed,
            actor.Is(calibration.ApplicantId)));
    }

    /// <summary>The body's servants the authorized person can choose from, marked as HR, evaluator, applicant or the applicant's evaluator.</summary>
    public async Task<Outcome<IReadOnlyList<CalibrationCandidate>>> CandidatesAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, caseId, ct);
        if (loaded.Value is not (var actor, var calibration, var sheet, _))
        {
            return loaded.Refusal!;
        }

        if (!actor.IsAuthorized)
        {
            return WorkflowRefusals.NotAllowed(Actions.ApproveCalibrationPanel, ActorNames.AuthorizedPerson);
        }

        var hr = (await HrServantsAsync(bodyId, ct)).ToHashSet();
        var evaluators = (await EvaluatorsAsync(bodyId, sheet!.RoundId, ct)).ToHashSet();
        var servants = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Select(s => s.Id).ToListAsync(ct);
        var people = await PeopleAsync(bodyId, servants, ct);
        return Outcome<IReadOnlyList<CalibrationCandidate>>.Ok(people.Values
            .Select(p => new CalibrationCandidate(p.ServantId, p.Name, p.Position, hr.Contains(p.ServantId), evaluators.Contains(p.ServantId), p.ServantId == calibration.ApplicantId, p.ServantId == calibration.EvaluatorId))
            .OrderByDescending(c => c.IsHr).ThenByDescending(c => c.IsEvaluator).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>The calibration protocol (oskemen 41, nhrc 22) from the recorded session, for those who may open the case.</summary>
    public async Task<Outcome<CalibrationProtocolDocument>> ProtocolAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct = default)
    {
        var view = await ViewAsync(userId, bodyId, caseId, ct);
        if (view.Value is not { } v)
        {
            return view.Refusal!;
        }

        var c = v.Case;
        if (c.State is not (CalibrationState.Closed or CalibrationState.ProtocolPosted))
        {
            return WorkflowRefusals.WrongState(Actions.PostProtocol, c.State);
        }

        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Id == bodyId, ct);
        string Position(CalibrationPerson p) => p.Position?.Kk ?? string.Empty;
        var votes = v.Members.Zip(c.Members).Where(x => x.Second.Argument is not null).Select(x => $"{x.First.Name}: {x.Second.Argument}");
        var reason = string.Join(" ", new[] { c.MembersArguments }.Concat(votes).Where(t => !string.IsNullOrWhiteSpace(t)));
        var line = new CalibrationLine(
            v.Applicant.Name, Position(v.Applicant), v.OriginalGradeTitle ?? LocalizedText.Same(v.OriginalGrade ?? string.Empty), c.OriginalScore,
            c.VotesFor ?? 0, c.VotesAgainst ?? 0, v.FinalGradeTitle ?? LocalizedText.Same(c.FinalGrade ?? string.Empty), reason.Length == 0 ? null : reason);
        return Outcome<CalibrationProtocolDocument>.Ok(new CalibrationProtocolDocument(
            new LocalizedText(body.NameKk, body.NameRu.Length > 0 ? body.NameRu : body.NameKk, body.NameEn.Length > 0 ? body.NameEn : body.NameKk),
            v.Year, v.Quarter, c.SessionOn!.Value,
            [.. v.Members.Select(m => new Documents.CalibrationMember(m.Name, Position(m), CalibrationRole.Member))],
            [line],
            c.OutcomeClause ?? string.Empty));
    }

    /// <summary>The user's own submitted and acknowledged results, with the application deadline (engine calibration-request) and any case.</summary>
    public async Task<IReadOnlyList<CalibrationCandidateResult>> MyResultsAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor?.ServantId is not { } me)
        {
            return [];
        }

        var mine = await db.RatingSheets.AsNoTracking()
            .Where(s => s.StateBodyId == bodyId && s.ServantId == me && s.State == SheetState.Submitted && s.AcknowledgedOn != null)
            .ToListAsync(ct);
        var sheetIds = mine.Select(s => s.Id).ToList();
        var cases = await db.CalibrationCases.AsNoTracking().Where(c => sheetIds.Contains(c.SheetId)).ToDictionaryAsync(c => c.SheetId, c => c.Id, ct);
        var roundIds = mine.Select(s => s.RoundId).Distinct().ToList();
        var rounds = await db.QuarterRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var results = new List<CalibrationCandidateResult>();
        foreach (var sheet in mine)
        {
            var round = rounds[sheet.RoundId];
            var version = round.VersionIn(packs.Catalogue.Find(round.PackId)!);
            var due = version.Rules.Deadlines.ContainsKey("calibration-request")
                ? DeadlineDecision.Decide(version, "calibration-request", sheet.AcknowledgedOn!.Value, packs.Catalogue.Calendar)
                : null;
            var title = version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == sheet.FinalGrade)?.Title;
            results.Add(new CalibrationCandidateResult(
                sheet.Id, round.Year, round.Quarter, sheet.FinalScore, sheet.FinalGrade, title, sheet.AcknowledgedOn!.Value,
                due?.Answer?.Due, due?.Provenance?.Clause, cases.TryGetValue(sheet.Id, out var caseId) ? caseId : null));
        }

        return [.. results.OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter)];
    }

    /// <summary>Feedback meetings: submitted sheets the user evaluated (to record) and the user's own sheets with a recorded meeting (to read).</summary>
    public async Task<IReadOnlyList<FeedbackItem>> FeedbackAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor?.ServantId is not { } me)
        {
            return [];
        }

        var list = await db.RatingSheets.AsNoTracking()
            .Where(s => s.StateBodyId == bodyId && s.State == SheetState.Submitted
                && (s.EvaluatorId == me || s.SubstituteId == me || s.DelegateId == me || (s.ServantId == me && s.FeedbackOn != null)))
            .ToListAsync(ct);
        var roundIds = list.Select(s => s.RoundId).Distinct().ToList();
        var rounds = await db.QuarterRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var servantIds = list.Select(s => s.ServantId).Distinct().ToList();
        var names = await db.Servants.AsNoTracking().Where(s => servantIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        return [.. list
            .Select(s => new FeedbackItem(s.Id, rounds[s.RoundId].Year, rounds[s.RoundId].Quarter, names.GetValueOrDefault(s.ServantId, "?"), s.ServantId != me, s.FeedbackOn))
            .OrderByDescending(f => f.Year).ThenByDescending(f => f.Quarter).ThenBy(f => f.ServantName, StringComparer.Ordinal)];
    }

    /// <summary>oskemen 42, nhrc 23: the evaluator records the feedback meeting on the sheet (version-checked).</summary>
    public async Task<Outcome<RatingSheet>> RecordFeedbackAsync(
        string userId, Guid bodyId, Guid sheetId, int expectedVersion, string? achievements, string? skills, string? potential, CancellationToken ct = default)
    {
        var loaded = await sheets.LoadAsync(userId, bodyId, sheetId, RatingSheetService.Anyone, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, _, _))
        {
            return loaded.Refusal!;
        }

        var calibration = await db.CalibrationCases.AsNoTracking().FirstOrDefaultAsync(c => c.SheetId == sheetId, ct);
        var round = await RoundOfAsync(sheet, ct);
        var version = round.VersionIn(packs.Catalogue.Find(round.PackId)!);
        if (!ResultVisibilityRule.CanSee(version, sheet, actor, calibration?.Members.Select(m => m.ServantId).ToList() ?? []))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var refusal = sheet.RecordFeedback(actor, achievements, skills, potential, Today);
        return refusal ?? await steps.SaveAsync(sheet, ct);
    }

    private static TaskSubject Subject(CalibrationCase calibration) => new("calibration", calibration.Id);

    /// <summary>One task per user, due by the engine's deadline with its clause.</summary>
    private void Schedule(
        CalibrationCase calibration, QuarterRound round, string deadlineId, DateOnly due, string? clause, string kind, IReadOnlyList<string> users)
    {
        foreach (var user in users)
        {
            tasks.ScheduleOn(
                calibration.StateBodyId, new Provenance(round.PackId, round.VersionId, clause), deadlineId, due, kind,
                TaskAssignee.User(user), Subject(calibration), round.Id, null);
        }
    }

    private Task<List<string>> UsersInRolesAsync(Guid bodyId, BodyRole[] roles, CancellationToken ct) =>
        db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == bodyId && roles.Contains(m.Role))
            .Select(m => m.UserId).Distinct().ToListAsync(ct);

    /// <summary>The users who may record the session and post the protocol: the head of HR and HR officers on the panel (<see cref="CalibrationAccessRule.MayRun"/>).</summary>
    private async Task<IReadOnlyList<string>> RunnersAsync(CalibrationCase calibration, CancellationToken ct)
    {
        var members = calibration.Members.Select(m => m.ServantId).ToList();
        return await db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == calibration.StateBodyId
                && (m.Role == BodyRole.HrHead || (m.Role == BodyRole.Hr && m.ServantId != null && members.Contains(m.ServantId.Value))))
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
    }

    private async Task<QuarterRound> RoundOfAsync(RatingSheet sheet, CancellationToken ct) =>
        await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);

    private Task<List<Guid>> HrServantsAsync(Guid bodyId, CancellationToken ct) =>
        db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == bodyId && (m.Role == BodyRole.Hr || m.Role == BodyRole.HrHead) && m.ServantId != null)
            .Select(m => m.ServantId!.Value).Distinct().ToListAsync(ct);

    /// <summary>nhrc 19's "evaluators": those who evaluate in the round (evaluator, substitute, designated servant) or hold the evaluator role.</summary>
    private async Task<List<Guid>> EvaluatorsAsync(Guid bodyId, Guid roundId, CancellationToken ct)
    {
        var inRound = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId)
            .Select(s => new { s.EvaluatorId, s.SubstituteId, s.DelegateId }).ToListAsync(ct);
        var byRole = await db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == bodyId && m.Role == BodyRole.Evaluator && m.ServantId != null)
            .Select(m => m.ServantId!.Value).ToListAsync(ct);
        return [.. inRound.SelectMany(s => new[] { s.EvaluatorId, s.SubstituteId, s.DelegateId }).OfType<Guid>().Concat(byRole).Distinct()];
    }

    private async Task<Dictionary<Guid, CalibrationPerson>> PeopleAsync(Guid bodyId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var today = Today;
        var servants = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var appointments = await db.Appointments.AsNoTracking().Where(a => ids.Contains(a.ServantId)).ToListAsync(ct);
        var positionIds = appointments.Select(a => a.PositionId).Distinct().ToList();
        var positions = await db.Positions.AsNoTracking().Where(p => positionIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        LocalizedText? PositionOf(Guid servant)
        {
            var held = appointments.Where(a => a.ServantId == servant).OrderByDescending(a => a.IsActiveOn(today)).ThenByDescending(a => a.From).FirstOrDefault();
            return held is not null && positions.TryGetValue(held.PositionId, out var p) ? new LocalizedText(p.TitleIn("kk"), p.TitleIn("ru"), p.TitleIn("en")) : null;
        }

        return ids.Distinct().ToDictionary(id => id, id => new CalibrationPerson(id, servants.GetValueOrDefault(id, "?"), PositionOf(id)));
    }

    private static bool MayOpen(Actor actor, CalibrationCase calibration) => CalibrationAccessRule.Of(actor, calibration) == CalibrationAccess.Full;

    /// <summary>The case of the body with its actor, sheet and pack version; not-found for anyone who may not open it (no existence leak).</summary>
    private async Task<Outcome<LoadedCase>> LoadAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var calibration = await db.CalibrationCases.FirstOrDefaultAsync(c => c.Id == caseId && c.StateBodyId == bodyId, ct);
        if (actor is null || calibration is null || !MayOpen(actor, calibration))
        {
            return WorkflowRefusals.NotFound();
        }

        var sheet = await db.RatingSheets.FirstAsync(s => s.Id == calibration.SheetId, ct);
        var round = await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        return new LoadedCase(actor, calibration, sheet, round.VersionIn(packs.Catalogue.Find(round.PackId)!));
    }

    private sealed record LoadedCase(Actor Actor, CalibrationCase Case, RatingSheet Sheet, Domain.Packs.PackVersion Version);
}
