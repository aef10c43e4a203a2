using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class SeatForm
{
    public Guid? ServantId { get; set; }

    public string? Role { get; set; }
}

public sealed class CommissionForm
{
    public int? Version { get; set; }

    public List<SeatForm> Seats { get; set; } = [];

    public DateOnly? SittingOn { get; set; }

    public List<Guid> Servants { get; set; } = [];

    public Guid? ScheduleId { get; set; }

    public int ScheduleVersion { get; set; }
}

/// <summary>
/// The Evaluation Commission of a cycle: the authorized person sets its members (chair,
/// members, a secretary who does not vote); HR builds the schedule of sittings with the
/// servants to evaluate, the chair agrees it (evaluators are notified with the notice date and
/// clause) and HR opens the sitting.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class CommissionModel(
    CommissionService commissions, CycleReads reads, ServantDirectory servants, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, cycleId = CycleId };

    public const int SeatRows = 9;

    [FromRoute]
    public Guid CycleId { get; set; }

    [BindProperty]
    public CommissionForm Input { get; set; } = new();

    public EvaluationCycle Cycle { get; private set; } = null!;

    public EvaluationCommission? Commission { get; private set; }

    public IReadOnlyList<CommissionSchedule> Schedules { get; private set; } = [];

    public IReadOnlyList<CommissionSitting> Sittings { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> BodyServants { get; private set; } = [];

    /// <summary>Servants of the cycle to be evaluated (eligibility "yes"), for the schedule.</summary>
    public IReadOnlyList<Guid> Evaluated { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new CommissionForm
        {
            Version = Commission?.Version,
            Seats = Commission?.Seats.Select(s => new SeatForm { ServantId = s.ServantId, Role = Domain.Organisation.KindIds.Id(s.Role) }).ToList() ?? [],
        };
        Pad();
        return Page();
    }

    public Task<IActionResult> OnPostComposeAsync()
    {
        var seats = Input.Seats.Where(s => s.ServantId is not null && !string.IsNullOrWhiteSpace(s.Role)).Select(s => new SeatInput(s.ServantId!.Value, s.Role!)).ToList();
        return ActAsync(async () => (await commissions.ComposeAsync(UserId, CycleId, Input.Version, seats, Today, HttpContext.RequestAborted)).Refusal, "commission.composed");
    }

    public Task<IActionResult> OnPostScheduleAsync()
    {
        if (Input.SittingOn is not { } on)
        {
            return RefusedAsync(WorkflowRefusals.Required(Fields.Date));
        }

        return ActAsync(async () => (await commissions.BuildScheduleAsync(UserId, CycleId, [on], Input.Servants, HttpContext.RequestAborted)).Refusal, "schedule.built");
    }

    public Task<IActionResult> OnPostAgreeAsync() =>
        ActAsync(async () => (await commissions.AgreeScheduleAsync(UserId, Input.ScheduleId ?? Guid.Empty, Input.ScheduleVersion, Today, HttpContext.RequestAborted)).Refusal, "schedule.agreed");

    public async Task<IActionResult> OnPostOpenSittingAsync()
    {
        var schedule = await reads.ScheduleAsync(CycleId, Input.ScheduleId, HttpContext.RequestAborted);
        if (schedule is null)
        {
            return NotFound();
        }

        var opened = await commissions.OpenSittingAsync(UserId, schedule.Id, schedule.Sittings.Count > 0 ? schedule.Sittings[0] : Today, HttpContext.RequestAborted);
        if (opened.Value is { } sitting)
        {
            return RedirectToPage("/Bodies/Cycles2018/Sitting", new { bodyId = BodyId, sittingId = sitting.Id });
        }

        return await RefusedAsync(opened.Refusal!);
    }

    public string RoleName(CommissionRole role) => c["seat." + Domain.Organisation.KindIds.Id(role)].Value;

    protected override void KeepForm() => Pad();

    private void Pad()
    {
        while (Input.Seats.Count < SeatRows)
        {
            Input.Seats.Add(new SeatForm());
        }
    }

    protected override async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var cycle = await reads.CycleAsync(BodyId, CycleId, ct);
        if (cycle is null)
        {
            return false;
        }

        Cycle = cycle;
        Commission = (await commissions.CommissionAsync(UserId, CycleId, ct)).Value;
        Schedules = await commissions.SchedulesAsync(UserId, CycleId, ct);
        Sittings = await reads.SittingsAsync(CycleId, ct);
        BodyServants = await Servants.ChoicesAsync(BodyId, ct);
        Evaluated = await reads.EvaluatedAsync(CycleId, ct);
        Names = BodyServants.ToDictionary(s => s.Id, s => s.Name);
        return true;
    }
}
