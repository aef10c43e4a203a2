using Bagalau.Application.Accounts;
using Bagalau.Application.Audit;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

public sealed record CalibrationSessionInput(
    string? Justification, string? ObjectionForm, string? Objection, string? Arguments, decimal ProposedScore, int VotesFor, int VotesAgainst);

/// <summary>
/// Calibration of a quarterly result (oskemen chapter 5, nhrc chapter 3): the servant applies,
/// the authorized person convenes (engine calibration-check where the pack has it), HR records
/// the session and the vote (engine calibration-decision) and posts the protocol. The case is
/// open to the applicant, the evaluator, the head of HR, the members, and the HR/authorized
/// people who run it.
/// </summary>
public sealed class CalibrationService(BagalauDbContext db, PackCatalog packs, QuarterlyEvaluationService sheets, WorkflowActors actors, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<WorkflowResult<CalibrationCase>> ApplyAsync(string userId, Guid bodyId, Guid sheetId, string? statement, CancellationToken ct = default)
    {
        var (actor, sheet, _, version) = await sheets.LoadAsync(userId, bodyId, sheetId, tracked: false, ct);
        if (actor is null || sheet is null || !actor.IsServant(sheet.ServantId))
        {
            return ServiceRefusals.NotFound;
        }

        if (await db.CalibrationCases.AnyAsync(c => c.SheetId == sheetId, ct))
        {
            return Refusal.Of(
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

        db.CalibrationCases.Add(outcome.Value!);
        return await Saving.SaveAsync(db, ct) ?? (WorkflowResult<CalibrationCase>)WorkflowResult<CalibrationCase>.Ok(outcome.Value!);
    }

    /// <summary>The authorized person approves the members; the HR members are the servants holding an HR role in the body.</summary>
    public async Task<WorkflowResult<CalibrationCase>> ConveneAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, IReadOnlyList<Guid> members, CancellationToken ct = default)
    {
        var (actor, calibration, _, version) = await LoadAsync(userId, bodyId, caseId, ct);
        if (actor is null || calibration is null)
        {
            return ServiceRefusals.NotFound;
        }

        var known = await db.Servants.Where(s => s.StateBodyId == bodyId && members.Contains(s.Id)).CountAsync(ct);
        if (known != members.Distinct().Count())
        {
            return Refusals.InvalidInput($"a member is not a servant of this body");
        }

        if (!VersionTokens.Expect(db, calibration, expectedVersion))
        {
            return ServiceRefusals.Conflict;
        }

        var hrServants = await db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == bodyId && (m.Role == BodyRole.Hr || m.Role == BodyRole.HrHead) && m.ServantId != null)
            .Select(m => m.ServantId!.Value).Distinct().ToListAsync(ct);
        var refusal = calibration.Convene(version!, actor, members, hrServants, Today);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (WorkflowResult<CalibrationCase>)WorkflowResult<CalibrationCase>.Ok(calibration);
    }

    public async Task<WorkflowResult<CalibrationCase>> DecideAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, CalibrationSessionInput input, CancellationToken ct = default)
    {
        var (actor, calibration, sheet, version) = await LoadAsync(userId, bodyId, caseId, ct);
        if (actor is null || calibration is null)
        {
            return ServiceRefusals.NotFound;
        }

        if (!VersionTokens.Expect(db, calibration, expectedVersion))
        {
            return ServiceRefusals.Conflict;
        }

        var refusal = calibration.Decide(
            version!, actor, sheet!, input.Justification, input.ObjectionForm, input.Objection, input.Arguments,
            input.ProposedScore, input.VotesFor, input.VotesAgainst, Today);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (WorkflowResult<CalibrationCase>)WorkflowResult<CalibrationCase>.Ok(calibration);
    }

    public async Task<WorkflowResult<CalibrationCase>> PostProtocolAsync(string userId, Guid bodyId, Guid caseId, int expectedVersion, CancellationToken ct = default)
    {
        var (actor, calibration, _, version) = await LoadAsync(userId, bodyId, caseId, ct);
        if (actor is null || calibration is null)
        {
            return ServiceRefusals.NotFound;
        }

        if (!VersionTokens.Expect(db, calibration, expectedVersion))
        {
            return ServiceRefusals.Conflict;
        }

        var refusal = calibration.PostProtocol(version!, packs.Catalogue.Calendar, actor, Today);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (WorkflowResult<CalibrationCase>)WorkflowResult<CalibrationCase>.Ok(calibration);
    }

    /// <summary>The case with its sheet, for those who may open it; the read is audited.</summary>
    public async Task<WorkflowResult<CalibrationCase>> GetAsync(string userId, Guid bodyId, Guid caseId, CancellationToken ct = default)
    {
        var (actor, calibration, _, _) = await LoadAsync(userId, bodyId, caseId, ct);
        if (actor is null || calibration is null)
        {
            return ServiceRefusals.NotFound;
        }

        await audit.RecordReadAsync(nameof(CalibrationCase), calibration.Id.ToString(), bodyId, ct);
        return WorkflowResult<CalibrationCase>.Ok(calibration);
    }

    /// <summary>Cases the user takes part in (applicant, evaluator, member) or runs (HR, authorized person).</summary>
    public async Task<IReadOnlyList<CalibrationCase>> ListAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var all = await db.CalibrationCases.AsNoTracking().Where(c => c.StateBodyId == bodyId).OrderByDescending(c => c.AppliedOn).ToListAsync(ct);
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        return actor is null ? [] : all.Where(c => MayOpen(actor, c)).ToList();
    }

    private static bool MayOpen(Actor actor, CalibrationCase calibration) =>
        actor.Hr || actor.Authorized
        || (actor.ServantId is { } me && (me == calibration.ApplicantId || me == calibration.EvaluatorId || calibration.IsMember(me)));

    private async Task<(Actor? Actor, CalibrationCase? Case, RatingSheet? Sheet, Domain.Packs.PackVersion? Version)> LoadAsync(
        string userId, Guid bodyId, Guid caseId, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var calibration = await db.CalibrationCases.FirstOrDefaultAsync(c => c.Id == caseId && c.StateBodyId == bodyId, ct);
        if (actor is null || calibration is null || !MayOpen(actor, calibration))
        {
            return (null, null, null, null);
        }

        var sheet = await db.RatingSheets.FirstAsync(s => s.Id == calibration.SheetId, ct);
        var round = await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        return (actor, calibration, sheet, round.VersionIn(packs.Catalogue.Find(round.PackId)!));
    }
}
