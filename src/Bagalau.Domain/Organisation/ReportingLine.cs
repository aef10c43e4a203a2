namespace Bagalau.Domain.Organisation;

/// <summary>
/// "<see cref="SupervisorId"/> is the <see cref="Kind"/> of <see cref="ServantId"/>", e.g. the
/// direct supervisor (тікелей басшы) or the authorized person. One line per servant and kind.
/// </summary>
public sealed class ReportingLine : OrganisationEntity
{
    private ReportingLine()
    {
    }

    private ReportingLine(Guid stateBodyId, Guid servantId, ReportingLineKind kind, Guid supervisorId)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Kind = kind;
        SupervisorId = supervisorId;
    }

    public Guid ServantId { get; private set; }

    public ReportingLineKind Kind { get; private set; }

    public Guid SupervisorId { get; private set; }

    /// <summary>Creates a line after checking it against the body's existing lines.</summary>
    public static Result<ReportingLine> Create(Guid stateBodyId, Guid servantId, ReportingLineKind kind, Guid supervisorId, ReportingStructure existing)
    {
        var error = existing.Check(servantId, kind, supervisorId);
        return error is null
            ? Result.Success(new ReportingLine(stateBodyId, servantId, kind, supervisorId))
            : Result<ReportingLine>.Failure(error);
    }

    /// <summary>Points the line at another supervisor.</summary>
    public Result ChangeSupervisor(Guid supervisorId, ReportingStructure existing)
    {
        var error = existing.Check(ServantId, Kind, supervisorId);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        SupervisorId = supervisorId;
        return Result.Success();
    }
}

/// <summary>
/// The reporting lines of one body, for the rules that span servants: nobody reports to
/// themselves (<c>reporting-self</c>), direct-supervisor lines never form a cycle
/// (<c>reporting-cycle</c>), and the superior supervisor is the direct supervisor's direct
/// supervisor unless a superior line is set explicitly.
/// </summary>
public sealed class ReportingStructure
{
    private readonly Dictionary<(Guid Servant, ReportingLineKind Kind), Guid> _lines = [];

    public ReportingStructure(IEnumerable<(Guid ServantId, ReportingLineKind Kind, Guid SupervisorId)> lines)
    {
        foreach (var (servant, kind, supervisor) in lines)
        {
            _lines[(servant, kind)] = supervisor;
        }
    }

    public static ReportingStructure Of(IEnumerable<ReportingLine> lines) =>
        new(lines.Select(l => (l.ServantId, l.Kind, l.SupervisorId)));

    /// <summary>Null when the line servant -> supervisor of this kind may be set (replacing any line of the same kind).</summary>
    public ValidationError? Check(Guid servantId, ReportingLineKind kind, Guid supervisorId, string servantLabel = "", string supervisorLabel = "")
    {
        if (servantId == supervisorId)
        {
            return new ValidationError("reporting-self", "supervisor_iin", servantLabel);
        }

        if (kind != ReportingLineKind.DirectSupervisor)
        {
            return null;
        }

        // Walking up from the new supervisor must never reach the servant.
        var seen = new HashSet<Guid> { servantId };
        for (Guid? current = supervisorId; current is { } id; current = DirectSupervisorOf(id))
        {
            if (!seen.Add(id))
            {
                return new ValidationError("reporting-cycle", "supervisor_iin", servantLabel, supervisorLabel);
            }
        }

        return null;
    }

    /// <summary>Sets or replaces a line (after <see cref="Check"/>), so that later checks see it.</summary>
    public void Set(Guid servantId, ReportingLineKind kind, Guid supervisorId) => _lines[(servantId, kind)] = supervisorId;

    public Guid? LineOf(Guid servantId, ReportingLineKind kind) =>
        _lines.TryGetValue((servantId, kind), out var supervisor) ? supervisor : null;

    public Guid? DirectSupervisorOf(Guid servantId) => LineOf(servantId, ReportingLineKind.DirectSupervisor);

    /// <summary>The explicit superior line, otherwise the direct supervisor's direct supervisor.</summary>
    public Guid? SuperiorOf(Guid servantId) =>
        LineOf(servantId, ReportingLineKind.Superior)
        ?? (DirectSupervisorOf(servantId) is { } direct ? DirectSupervisorOf(direct) : null);

    /// <summary>Servants whose direct supervisor is <paramref name="supervisorId"/>.</summary>
    public IEnumerable<Guid> DirectReportsOf(Guid supervisorId) =>
        _lines.Where(l => l.Key.Kind == ReportingLineKind.DirectSupervisor && l.Value == supervisorId).Select(l => l.Key.Servant);
}
