using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using DecisionAbsence = Bagalau.Domain.Decisions.Absence;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// A body's organisation as one quarter sees it, read once when a round is approved: who held a
/// position during the quarter, with which records, under which supervisors and unit heads.
/// </summary>
internal sealed class OrgSnapshot
{
    private readonly Period _period;
    private readonly List<Servant> _servants;
    private readonly Dictionary<Guid, Position> _positions;
    private readonly Dictionary<Guid, Guid?> _unitParents;
    private readonly ReportingStructure _lines;

    private OrgSnapshot(Period period, List<Servant> servants, Dictionary<Guid, Position> positions, Dictionary<Guid, Guid?> unitParents, ReportingStructure lines)
    {
        _period = period;
        _servants = servants;
        _positions = positions;
        _unitParents = unitParents;
        _lines = lines;
    }

    public static async Task<OrgSnapshot> LoadAsync(BagalauDbContext db, Guid bodyId, Period period, CancellationToken ct)
    {
        var servants = await db.Servants.AsNoTracking().AsSplitQuery().Where(s => s.StateBodyId == bodyId)
            .Include(s => s.Appointments).Include(s => s.Probations).Include(s => s.Absences).Include(s => s.Dismissals)
            .ToListAsync(ct);
        var positions = await db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId).ToDictionaryAsync(p => p.Id, ct);
        var units = await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var lines = ReportingStructure.Of(await db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId).ToListAsync(ct));
        return new OrgSnapshot(period, servants, positions, units, lines);
    }

    /// <summary>Servants with an appointment overlapping the quarter, by name.</summary>
    public IEnumerable<Servant> ServantsInPeriod() =>
        _servants.Where(s => ActualAppointment(s) is not null).OrderBy(s => s.FullName, StringComparer.Ordinal);

    /// <summary>The engine's eligibility input: the actual (latest) appointment in the quarter and the records around it.</summary>
    public EligibilityInput EligibilityOf(Servant servant, DateOnly evaluationDate)
    {
        var appointment = ActualAppointment(servant)!;
        var probation = servant.Probations.Where(p => p.To >= _period.Start).Select(p => (DateOnly?)p.To).Max();
        var dismissed = servant.Dismissals.Where(d => d.Date >= _period.Start && d.Date >= appointment.From).Select(d => (DateOnly?)d.Date).Min();
        var absences = servant.Absences.Select(a => new DecisionAbsence(KindIds.Id(a.Kind), a.From, a.To)).ToList();
        return new EligibilityInput(_period, appointment.From, probation, absences, dismissed, evaluationDate);
    }

    /// <summary>The position's category and qualifier, the direct supervisor and the head of the servant's unit (not the servant).</summary>
    public AssignmentInput AssignmentOf(Servant servant)
    {
        var appointment = ActualAppointment(servant)!;
        var day = LastDay(appointment);
        var position = _positions[appointment.PositionId];
        return new AssignmentInput(position.Category, position.Qualifier, _lines.DirectSupervisorOf(servant.Id), UnitHeadOf(position.UnitId, servant.Id, day));
    }

    private Appointment? ActualAppointment(Servant servant) =>
        servant.Appointments
            .Where(a => a.From <= _period.End && (a.To is null || a.To >= _period.Start))
            .OrderByDescending(a => a.From)
            .FirstOrDefault();

    private DateOnly LastDay(Appointment appointment) => appointment.To is { } to && to < _period.End ? to : _period.End;

    /// <summary>The holder of a head position in the unit on the day; for the head itself, the head of the enclosing unit.</summary>
    private Guid? UnitHeadOf(Guid unitId, Guid except, DateOnly day)
    {
        var seen = new HashSet<Guid>();
        for (Guid? unit = unitId; unit is { } u && seen.Add(u); unit = _unitParents.GetValueOrDefault(u))
        {
            var head = _servants.FirstOrDefault(s => s.Id != except && s.Appointments.Any(a =>
                a.IsActiveOn(day) && _positions.TryGetValue(a.PositionId, out var p) && p.UnitId == u && p.Qualifier == PositionQualifier.UnitHead));
            if (head is not null)
            {
                return head.Id;
            }
        }

        return null;
    }
}
