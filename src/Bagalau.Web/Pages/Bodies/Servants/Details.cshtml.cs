using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>
/// One servant with everything HR keeps about them: appointments, probation, absences,
/// dismissals, sanctions and reporting lines. HR adds, changes and removes records here;
/// every change is checked by the domain and shown next to the field when refused.
/// </summary>
[Authorize(Policy = BodyPolicies.ReadOrganisation)]
public sealed class DetailsModel(
    OrganisationService organisation, ServantDirectory servants, ServantLines lines, PositionDirectory positions, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : BodyPageModel
{
    [FromRoute]
    public Guid ServantIdRoute { get; set; }

    /// <summary>Page of the servant's subordinates (a first head can have the whole body).</summary>
    [FromQuery(Name = "subordinates")]
    public int SubordinatesPage { get; set; } = 1;

    /// <summary>A record to change: its form is filled with it.</summary>
    [FromQuery(Name = "edit")]
    public Guid? EditRecord { get; set; }

    [BindProperty]
    public AppointmentForm Appointment { get; set; } = new();

    [BindProperty]
    public ProbationForm Probation { get; set; } = new();

    [BindProperty]
    public AbsenceForm Absence { get; set; } = new();

    [BindProperty]
    public DismissalForm Dismissal { get; set; } = new();

    [BindProperty]
    public SanctionForm Sanction { get; set; } = new();

    [BindProperty]
    public ReportingForm Reporting { get; set; } = new();

    public Servant Servant { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public IReadOnlyDictionary<Guid, Position> Positions { get; private set; } = new Dictionary<Guid, Position>();

    public IReadOnlyDictionary<Guid, StructuralUnit> Units { get; private set; } = new Dictionary<Guid, StructuralUnit>();

    /// <summary>Lines where this servant reports to someone.</summary>
    public IReadOnlyList<ReportingLine> Supervisors { get; private set; } = [];

    /// <summary>Lines where someone reports to this servant, 50 per page.</summary>
    public Page<ReportingLine> Subordinates { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public PagerView SubordinatesPager => new(Subordinates.Number, Subordinates.PageCount, Subordinates.Total,
        n => Url.Page("/Bodies/Servants/Details", null, new { bodyId = BodyId, servantIdRoute = ServantIdRoute, subordinates = n }, null, null, "reporting"));

    /// <summary>The other servants named by the lines.</summary>
    public IReadOnlyDictionary<Guid, (string FullName, string Iin)> People { get; private set; } = new Dictionary<Guid, (string, string)>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (EditRecord is { } id)
        {
            FillForEdit(id);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAppointmentAsync()
    {
        var form = Appointment;
        var ct = HttpContext.RequestAborted;
        var errors = Required(form.From, "from").ToList();
        var code = form.PositionCode?.Trim() ?? string.Empty;
        var positionId = await positions.IdByCodeAsync(BodyId, code, ct);
        if (code.Length == 0)
        {
            errors.Add(new ValidationError("required", "position"));
        }
        else if (positionId is null)
        {
            errors.Add(new ValidationError("reference-unknown", "position", code));
        }

        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RedisplayAsync(nameof(Appointment), errors, AppointmentForm.Fields);
        }

        var input = new AppointmentInput(positionId!.Value, form.From!.Value, form.To);
        Result result = form.RecordId is { } record
            ? await organisation.UpdateAppointmentAsync(BodyId, ServantIdRoute, record, form.Version, input, ct)
            : await organisation.AddAppointmentAsync(BodyId, ServantIdRoute, input, ct);
        return await AfterAsync(result, nameof(Appointment), AppointmentForm.Fields, "appointments");
    }

    public async Task<IActionResult> OnPostProbationAsync()
    {
        var form = Probation;
        var errors = Required(form.From, "from").Concat(Required(form.To, "to")).ToList();
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RedisplayAsync(nameof(Probation), errors, ProbationForm.Fields);
        }

        var input = new ProbationInput(form.From!.Value, form.To!.Value);
        var ct = HttpContext.RequestAborted;
        Result result = form.RecordId is { } record
            ? await organisation.UpdateProbationAsync(BodyId, ServantIdRoute, record, form.Version, input, ct)
            : await organisation.AddProbationAsync(BodyId, ServantIdRoute, input, ct);
        return await AfterAsync(result, nameof(Probation), ProbationForm.Fields, "probation");
    }

    public async Task<IActionResult> OnPostAbsenceAsync()
    {
        var form = Absence;
        var errors = Required(form.From, "from").Concat(Required(form.To, "to")).ToList();
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RedisplayAsync(nameof(Absence), errors, AbsenceForm.Fields);
        }

        var input = new AbsenceInput(form.Kind ?? string.Empty, form.From!.Value, form.To!.Value);
        var ct = HttpContext.RequestAborted;
        Result result = form.RecordId is { } record
            ? await organisation.UpdateAbsenceAsync(BodyId, ServantIdRoute, record, form.Version, input, ct)
            : await organisation.AddAbsenceAsync(BodyId, ServantIdRoute, input, ct);
        return await AfterAsync(result, nameof(Absence), AbsenceForm.Fields, "absences");
    }

    public async Task<IActionResult> OnPostDismissalAsync()
    {
        var form = Dismissal;
        var errors = Required(form.Date, "date").ToList();
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RedisplayAsync(nameof(Dismissal), errors, DismissalForm.Fields);
        }

        var input = new DismissalInput(form.Date!.Value, form.Note);
        var ct = HttpContext.RequestAborted;
        Result result = form.RecordId is { } record
            ? await organisation.UpdateDismissalAsync(BodyId, ServantIdRoute, record, form.Version, input, ct)
            : await organisation.DismissAsync(BodyId, ServantIdRoute, input, ct);
        return await AfterAsync(result, nameof(Dismissal), DismissalForm.Fields, "dismissals");
    }

    public async Task<IActionResult> OnPostSanctionAsync()
    {
        var form = Sanction;
        var errors = Required(form.Applied, "applied").ToList();
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            return await RedisplayAsync(nameof(Sanction), errors, SanctionForm.Fields);
        }

        var input = new SanctionInput(form.Kind ?? string.Empty, form.Applied!.Value, form.Lifted, form.Note);
        var ct = HttpContext.RequestAborted;
        Result result = form.RecordId is { } record
            ? await organisation.UpdateSanctionAsync(BodyId, ServantIdRoute, record, form.Version, input, ct)
            : await organisation.AddSanctionAsync(BodyId, ServantIdRoute, input, ct);
        return await AfterAsync(result, nameof(Sanction), SanctionForm.Fields, "sanctions");
    }

    public async Task<IActionResult> OnPostReportingAsync()
    {
        var form = Reporting;
        var ct = HttpContext.RequestAborted;
        var iin = form.SupervisorIin?.Trim() ?? string.Empty;
        var supervisorId = await organisation.IinHolderAsync(BodyId, iin, ct);
        if (supervisorId is null)
        {
            ValidationError error = iin.Length == 0 ? new("required", "supervisor_iin") : new("reference-unknown", "supervisor_iin", iin);
            return await RedisplayAsync(nameof(Reporting), [error], ReportingForm.Fields);
        }

        var result = await organisation.SetReportingLineAsync(BodyId, new ReportingLineInput(ServantIdRoute, form.Kind ?? string.Empty, supervisorId.Value), null, ct);
        return await AfterAsync(result, nameof(Reporting), ReportingForm.Fields, "reporting");
    }

    /// <summary>Removes one record (kind: appointment, probation, absence, dismissal, sanction, reporting-line).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string kind, Guid recordId, int version)
    {
        var ct = HttpContext.RequestAborted;
        var result = kind switch
        {
            "appointment" => await organisation.RemoveAppointmentAsync(BodyId, ServantIdRoute, recordId, version, ct),
            "probation" => await organisation.RemoveProbationAsync(BodyId, ServantIdRoute, recordId, version, ct),
            "absence" => await organisation.RemoveAbsenceAsync(BodyId, ServantIdRoute, recordId, version, ct),
            "dismissal" => await organisation.RemoveDismissalAsync(BodyId, ServantIdRoute, recordId, version, ct),
            "sanction" => await organisation.RemoveSanctionAsync(BodyId, ServantIdRoute, recordId, version, ct),
            "reporting-line" => await RemoveLineAsync(recordId, version, ct),
            _ => Result.Failure(new ValidationError("not-found")),
        };
        return await AfterAsync(result, string.Empty, new Dictionary<string, string>(), kind == "reporting-line" ? "reporting" : kind + "s");
    }

    private async Task<Result> RemoveLineAsync(Guid lineId, int version, CancellationToken ct)
    {
        // Only lines that concern this servant can be removed from this page.
        return await lines.ConcernsAsync(BodyId, lineId, ServantIdRoute, ct)
            ? await organisation.RemoveReportingLineAsync(BodyId, lineId, version, ct)
            : Result.Failure(new ValidationError("not-found"));
    }

    private static IEnumerable<ValidationError> Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            yield return new ValidationError("required", field);
        }
    }

    private async Task<IActionResult> AfterAsync(Result result, string prefix, IReadOnlyDictionary<string, string> fields, string section)
    {
        if (result.IsSuccess)
        {
            TempData["Flash"] = t["records.saved"].Value;
            return RedirectToPage("/Bodies/Servants/Details", null, new { bodyId = BodyId, servantIdRoute = ServantIdRoute }, section);
        }

        return await RedisplayAsync(prefix, result.Errors, fields);
    }

    /// <summary>The page again with the user's input kept and the errors next to the fields.</summary>
    private async Task<IActionResult> RedisplayAsync(string prefix, IEnumerable<ValidationError> errors, IReadOnlyDictionary<string, string> fields)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ShowErrors(errors, prefix, fields);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var servant = await organisation.GetServantAsync(BodyId, ServantIdRoute, ct);
        if (servant is null)
        {
            return false;
        }

        Servant = servant;
        Today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        var positionIds = servant.Appointments.Select(a => a.PositionId).Distinct().ToList();
        Positions = await positions.InBodyAsync(BodyId, positionIds, ct);
        Units = await positions.UnitsAsync(Positions.Values.Select(p => p.UnitId).Distinct().ToList(), ct);
        Supervisors = await lines.SupervisorsAsync(BodyId, ServantIdRoute, ct);
        Subordinates = await lines.SubordinatesAsync(BodyId, ServantIdRoute, new PageRequest(SubordinatesPage, PageRequest.DefaultSize), ct);
        var others = Supervisors.Concat(Subordinates.Items)
            .SelectMany(l => new[] { l.ServantId, l.SupervisorId }).Where(id => id != ServantIdRoute).Distinct().ToList();
        People = await servants.PeopleInBodyAsync(BodyId, others, ct);
        return true;
    }

    private void FillForEdit(Guid id)
    {
        if (Servant.Appointments.FirstOrDefault(a => a.Id == id) is { } appointment)
        {
            Appointment = new AppointmentForm
            {
                RecordId = id,
                Version = appointment.Version,
                PositionCode = Positions.TryGetValue(appointment.PositionId, out var p) ? p.Code : null,
                From = appointment.From,
                To = appointment.To,
            };
        }
        else if (Servant.Probations.FirstOrDefault(p => p.Id == id) is { } probation)
        {
            Probation = new ProbationForm { RecordId = id, Version = probation.Version, From = probation.From, To = probation.To };
        }
        else if (Servant.Absences.FirstOrDefault(a => a.Id == id) is { } absence)
        {
            Absence = new AbsenceForm { RecordId = id, Version = absence.Version, Kind = KindIds.Id(absence.Kind), From = absence.From, To = absence.To };
        }
        else if (Servant.Dismissals.FirstOrDefault(d => d.Id == id) is { } dismissal)
        {
            Dismissal = new DismissalForm { RecordId = id, Version = dismissal.Version, Date = dismissal.Date, Note = dismissal.Note };
        }
        else if (Servant.Sanctions.FirstOrDefault(s => s.Id == id) is { } sanction)
        {
            Sanction = new SanctionForm
            {
                RecordId = id,
                Version = sanction.Version,
                Kind = KindIds.Id(sanction.Kind),
                Applied = sanction.Applied,
                Lifted = sanction.Lifted,
                Note = sanction.Note,
            };
        }
    }

    public string PositionLabel(Guid positionId) =>
        Positions.TryGetValue(positionId, out var position)
            ? $"{position.TitleIn(Language)} ({position.Code}, {position.Category})"
            : string.Empty;

    public string UnitLabel(Guid positionId) =>
        Positions.TryGetValue(positionId, out var position) && Units.TryGetValue(position.UnitId, out var unit) ? unit.NameIn(Language) : string.Empty;
}
