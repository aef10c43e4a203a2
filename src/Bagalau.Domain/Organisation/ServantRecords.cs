namespace Bagalau.Domain.Organisation;

/// <summary>A servant's appointment to a position for a period (to = null: still holds it).</summary>
public sealed class Appointment : OrganisationEntity
{
    private Appointment()
    {
    }

    internal Appointment(Guid stateBodyId, Guid servantId, Guid positionId, DateOnly from, DateOnly? to)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Set(positionId, from, to);
    }

    public Guid ServantId { get; private set; }

    public Guid PositionId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool IsActiveOn(DateOnly day) => PeriodRule.Contains(From, To, day);

    internal void Set(Guid positionId, DateOnly from, DateOnly? to)
    {
        PositionId = positionId;
        From = from;
        To = to;
    }
}

/// <summary>A probation period (сынақ мерзімі); both ends known.</summary>
public sealed class Probation : OrganisationEntity
{
    private Probation()
    {
    }

    internal Probation(Guid stateBodyId, Guid servantId, DateOnly from, DateOnly to)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Set(from, to);
    }

    public Guid ServantId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    internal void Set(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }
}

/// <summary>A period away from work (leave, sick, trip, ...), both days inclusive.</summary>
public sealed class Absence : OrganisationEntity
{
    private Absence()
    {
    }

    internal Absence(Guid stateBodyId, Guid servantId, AbsenceKind kind, DateOnly from, DateOnly to)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Set(kind, from, to);
    }

    public Guid ServantId { get; private set; }

    public AbsenceKind Kind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary>Calendar days of the absence.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    internal void Set(AbsenceKind kind, DateOnly from, DateOnly to)
    {
        Kind = kind;
        From = from;
        To = to;
    }
}

/// <summary>The end of service: the servant's last day is <see cref="Date"/>.</summary>
public sealed class Dismissal : OrganisationEntity
{
    private Dismissal()
    {
        Note = string.Empty;
    }

    internal Dismissal(Guid stateBodyId, Guid servantId, DateOnly date, string? note)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Date = date;
        Note = TextRules.Clean(note) ?? string.Empty;
    }

    public Guid ServantId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Note { get; private set; }

    internal void Set(DateOnly date, string? note)
    {
        Date = date;
        Note = TextRules.Clean(note) ?? string.Empty;
    }
}

/// <summary>A disciplinary sanction of the register, applied on a date and possibly lifted later.</summary>
public sealed class Sanction : OrganisationEntity
{
    private Sanction()
    {
        Note = string.Empty;
    }

    internal Sanction(Guid stateBodyId, Guid servantId, SanctionKind kind, DateOnly applied, DateOnly? lifted, string? note)
        : base(stateBodyId)
    {
        ServantId = servantId;
        Note = string.Empty;
        Set(kind, applied, lifted, note);
    }

    public Guid ServantId { get; private set; }

    public SanctionKind Kind { get; private set; }

    public DateOnly Applied { get; private set; }

    public DateOnly? Lifted { get; private set; }

    public string Note { get; private set; }

    /// <summary>In force from the day applied until the day before it is lifted.</summary>
    public bool IsInForceOn(DateOnly day) => Applied <= day && (Lifted is null || day < Lifted);

    internal void Set(SanctionKind kind, DateOnly applied, DateOnly? lifted, string? note)
    {
        Kind = kind;
        Applied = applied;
        Lifted = lifted;
        Note = TextRules.Clean(note) ?? string.Empty;
    }
}
