namespace Bagalau.Domain.Organisation;

/// <summary>
/// A "B" corps administrative civil servant of a state body, with the records HR keeps about
/// them: appointments, probation, absences, dismissals and sanctions. Every change goes
/// through a method that checks the rules and returns the broken ones.
/// </summary>
public sealed class Servant : OrganisationEntity
{
    private readonly List<Appointment> _appointments = [];
    private readonly List<Probation> _probations = [];
    private readonly List<Absence> _absences = [];
    private readonly List<Dismissal> _dismissals = [];
    private readonly List<Sanction> _sanctions = [];

    private Servant()
    {
        Iin = FullName = SearchName = Email = Phone = string.Empty;
    }

    private Servant(Guid stateBodyId)
        : base(stateBodyId)
    {
        Iin = FullName = SearchName = Email = Phone = string.Empty;
    }

    /// <summary>Individual identification number, unique in the body (the natural key in files).</summary>
    public string Iin { get; private set; }

    /// <summary>Surname, name and patronymic as written in documents.</summary>
    public string FullName { get; private set; }

    /// <summary>The full name folded for search (<see cref="NameFolding"/>): any case, Kazakh or Russian spelling.</summary>
    public string SearchName { get; private set; }

    public string Email { get; private set; }

    public string Phone { get; private set; }

    /// <summary>Duties include providing public services (some competencies depend on it).</summary>
    public bool ProvidesPublicServices { get; private set; }

    public IReadOnlyList<Appointment> Appointments => _appointments;

    public IReadOnlyList<Probation> Probations => _probations;

    public IReadOnlyList<Absence> Absences => _absences;

    public IReadOnlyList<Dismissal> Dismissals => _dismissals;

    public IReadOnlyList<Sanction> Sanctions => _sanctions;

    public static Result<Servant> Create(Guid stateBodyId, string iin, string fullName, string? email, string? phone, bool providesPublicServices)
    {
        var servant = new Servant(stateBodyId);
        var result = servant.Change(iin, fullName, email, phone, providesPublicServices);
        return result.IsSuccess ? Result.Success(servant) : Result<Servant>.Failure(result.Errors);
    }

    /// <summary>Corrects the personal data. Uniqueness of the IIN in the body is the caller's check (<see cref="DuplicateIinRule"/>).</summary>
    public Result Change(string iin, string fullName, string? email, string? phone, bool providesPublicServices)
    {
        var errors = new[]
        {
            IinRule.Check(iin),
            TextRules.Name(fullName, "full_name"),
            ContactRules.Email(email),
            ContactRules.Phone(phone),
        }.OfType<ValidationError>().ToArray();
        if (errors.Length > 0)
        {
            return Result.Failure(errors);
        }

        Iin = iin.Trim();
        FullName = string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        SearchName = NormaliseForSearch(FullName);
        Email = TextRules.Clean(email) ?? string.Empty;
        Phone = TextRules.Clean(phone) ?? string.Empty;
        ProvidesPublicServices = providesPublicServices;
        return Result.Success();
    }

    /// <summary>The form names are searched in (<see cref="NameFolding"/>).</summary>
    public static string NormaliseForSearch(string text) => NameFolding.Fold(text);

    // Appointments

    public Result<Appointment> Appoint(Guid positionId, DateOnly from, DateOnly? to)
    {
        var error = PeriodRule.Check(from, to, "appointment-ends-before-start")
            ?? AppointmentOverlapRule.Check(_appointments, Guid.Empty, from, to);
        if (error is not null)
        {
            return Result<Appointment>.Failure(error);
        }

        var appointment = new Appointment(StateBodyId, Id, positionId, from, to);
        _appointments.Add(appointment);
        return Result.Success(appointment);
    }

    public Result ChangeAppointment(Guid appointmentId, Guid positionId, DateOnly from, DateOnly? to)
    {
        var appointment = Find(_appointments, appointmentId);
        var error = PeriodRule.Check(from, to, "appointment-ends-before-start")
            ?? AppointmentOverlapRule.Check(_appointments, appointmentId, from, to);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        appointment.Set(positionId, from, to);
        return Result.Success();
    }

    public void RemoveAppointment(Guid appointmentId) => _appointments.Remove(Find(_appointments, appointmentId));

    /// <summary>The appointment in force on a day, if any.</summary>
    public Appointment? AppointmentOn(DateOnly day) => _appointments.FirstOrDefault(a => a.IsActiveOn(day));

    // Probation

    public Result<Probation> AddProbation(DateOnly from, DateOnly to)
    {
        var error = PeriodRule.Check(from, to, "probation-ends-before-start")
            ?? ProbationOverlapRule.Check(_probations, Guid.Empty, from, to);
        if (error is not null)
        {
            return Result<Probation>.Failure(error);
        }

        var probation = new Probation(StateBodyId, Id, from, to);
        _probations.Add(probation);
        return Result.Success(probation);
    }

    public Result ChangeProbation(Guid probationId, DateOnly from, DateOnly to)
    {
        var probation = Find(_probations, probationId);
        var error = PeriodRule.Check(from, to, "probation-ends-before-start")
            ?? ProbationOverlapRule.Check(_probations, probationId, from, to);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        probation.Set(from, to);
        return Result.Success();
    }

    public void RemoveProbation(Guid probationId) => _probations.Remove(Find(_probations, probationId));

    public bool IsOnProbationOn(DateOnly day) => _probations.Any(p => PeriodRule.Contains(p.From, p.To, day));

    // Absences

    public Result<Absence> AddAbsence(AbsenceKind kind, DateOnly from, DateOnly to)
    {
        var error = PeriodRule.Check(from, to, "absence-ends-before-start");
        if (error is not null)
        {
            return Result<Absence>.Failure(error);
        }

        if (_absences.Any(a => a.Kind == kind && a.From == from))
        {
            return Result<Absence>.Failure(new ValidationError("absence-duplicate", "from", KindIds.Id(kind), PeriodRule.Iso(from)));
        }

        var absence = new Absence(StateBodyId, Id, kind, from, to);
        _absences.Add(absence);
        return Result.Success(absence);
    }

    public Result ChangeAbsence(Guid absenceId, AbsenceKind kind, DateOnly from, DateOnly to)
    {
        var absence = Find(_absences, absenceId);
        var error = PeriodRule.Check(from, to, "absence-ends-before-start");
        if (error is not null)
        {
            return Result.Failure(error);
        }

        if (_absences.Any(a => a.Id != absenceId && a.Kind == kind && a.From == from))
        {
            return Result.Failure(new ValidationError("absence-duplicate", "from", KindIds.Id(kind), PeriodRule.Iso(from)));
        }

        absence.Set(kind, from, to);
        return Result.Success();
    }

    public void RemoveAbsence(Guid absenceId) => _absences.Remove(Find(_absences, absenceId));

    public bool IsAbsentOn(DateOnly day) => _absences.Any(a => PeriodRule.Contains(a.From, a.To, day));

    // Dismissals

    public Result<Dismissal> Dismiss(DateOnly date, string? note)
    {
        if (_dismissals.Any(d => d.Date == date))
        {
            return Result<Dismissal>.Failure(new ValidationError("dismissal-duplicate", "date", PeriodRule.Iso(date)));
        }

        var dismissal = new Dismissal(StateBodyId, Id, date, note);
        _dismissals.Add(dismissal);
        return Result.Success(dismissal);
    }

    public Result ChangeDismissal(Guid dismissalId, DateOnly date, string? note)
    {
        var dismissal = Find(_dismissals, dismissalId);
        if (_dismissals.Any(d => d.Id != dismissalId && d.Date == date))
        {
            return Result.Failure(new ValidationError("dismissal-duplicate", "date", PeriodRule.Iso(date)));
        }

        dismissal.Set(date, note);
        return Result.Success();
    }

    public void RemoveDismissal(Guid dismissalId) => _dismissals.Remove(Find(_dismissals, dismissalId));

    /// <summary>Dismissed on or before <paramref name="day"/> and not appointed again afterwards.</summary>
    public bool IsDismissedOn(DateOnly day)
    {
        var last = _dismissals.Where(d => d.Date < day).Select(d => (DateOnly?)d.Date).Max();
        return last is { } date && !_appointments.Any(a => a.From > date && a.From <= day);
    }

    // Sanctions

    public Result<Sanction> AddSanction(SanctionKind kind, DateOnly applied, DateOnly? lifted, string? note)
    {
        var error = SanctionCheck(Guid.Empty, kind, applied, lifted, note);
        if (error is not null)
        {
            return Result<Sanction>.Failure(error);
        }

        var sanction = new Sanction(StateBodyId, Id, kind, applied, lifted, note);
        _sanctions.Add(sanction);
        return Result.Success(sanction);
    }

    public Result ChangeSanction(Guid sanctionId, SanctionKind kind, DateOnly applied, DateOnly? lifted, string? note)
    {
        var sanction = Find(_sanctions, sanctionId);
        var error = SanctionCheck(sanctionId, kind, applied, lifted, note);
        if (error is not null)
        {
            return Result.Failure(error);
        }

        sanction.Set(kind, applied, lifted, note);
        return Result.Success();
    }

    public void RemoveSanction(Guid sanctionId) => _sanctions.Remove(Find(_sanctions, sanctionId));

    public IEnumerable<Sanction> SanctionsInForceOn(DateOnly day) => _sanctions.Where(s => s.IsInForceOn(day));

    private ValidationError? SanctionCheck(Guid sanctionId, SanctionKind kind, DateOnly applied, DateOnly? lifted, string? note) =>
        PeriodRule.Check(applied, lifted, "sanction-lifted-before-applied", "lifted")
        ?? TextRules.OptionalName(note, "note")
        ?? (_sanctions.Any(s => s.Id != sanctionId && s.Kind == kind && s.Applied == applied)
            ? new ValidationError("sanction-duplicate", "applied", KindIds.Id(kind), PeriodRule.Iso(applied))
            : null);

    private static T Find<T>(List<T> records, Guid id)
        where T : OrganisationEntity =>
        records.FirstOrDefault(r => r.Id == id) ?? throw new KeyNotFoundException($"{typeof(T).Name} {id} is not a record of this servant.");
}

/// <summary>An IIN identifies one servant within a body (<c>servant-duplicate-iin</c>).</summary>
public static class DuplicateIinRule
{
    /// <param name="holderOfIin">Id of the servant of the body that already has the IIN, if any.</param>
    public static ValidationError? Check(string iin, Guid servantId, Guid? holderOfIin) =>
        holderOfIin is { } holder && holder != servantId ? new ValidationError("servant-duplicate-iin", "iin", iin.Trim()) : null;
}
