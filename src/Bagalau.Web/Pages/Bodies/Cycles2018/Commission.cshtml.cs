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

    /// <summary>The name typed in the seat's picker (a browser without script): resolved by full name.</summary>
    public string? ServantName { get; set; }

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
    CommissionService commissions, CycleReads reads, ServantDirectory servants, OrganisationService organisation, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
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

    /// <summary>The filter of the cases (servants to evaluate), in the URL query.</summary>
    [BindProperty(SupportsGet = true)]
    public Web.Bodies.ListFilter Filter { get; set; } = new();

    /// <summary>One page of the servants of the cycle to be evaluated (eligibility "yes"), for the schedule.</summary>
    public Page<(Guid Id, string Name)> Evaluated { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<(string Value, string Title)> Units { get; private set; } = [];

    public Web.Bodies.PagerView Pager => new(Evaluated.Number, Evaluated.PageCount, Evaluated.Total, n => Url.Page("/Bodies/Cycles2018/Commission", Filter.RouteValues(n, new { bodyId = BodyId, cycleId = CycleId })));

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

    public async Task<IActionResult> OnPostComposeAsync()
    {
        var seats = new List<SeatInput>();
        foreach (var seat in Input.Seats.Where(s => !string.IsNullOrWhiteSpace(s.Role) && (s.ServantId is not null || !string.IsNullOrWhiteSpace(s.ServantName))))
        {
            var chosen = await Servants.ResolveAsync(BodyId, seat.ServantId, seat.ServantName, Fields.CommissionMember, HttpContext.RequestAborted);
            if (chosen.Value is not { } servant)
            {
                return await RefusedAsync(chosen.Refusal!);
            }

            seat.ServantId = servant.Id;
            seats.Add(new SeatInput(servant.Id, seat.Role!));
        }

        return await ActAsync(async () => (await commissions.ComposeAsync(UserId, CycleId, Input.Version, seats, Today, HttpContext.RequestAborted)).Refusal, "commission.composed");
    }

    public Task<IActionResult> OnPostScheduleAsync()
    {
        if (Input.SittingOn is not { } on)
        {
            return RefusedAsync(WorkflowRefusals.Required(Fields.Date));
        }

        return ActAsync(async () => (await commissions.BuildScheduleAsync(UserId, CycleId, [on], Input.Servants, Today, HttpContext.RequestAborted)).Refusal, "schedule.built");
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
        Evaluated = await reads.EvaluatedAsync(BodyId, CycleId, Filter.ToQuery(), Today, ct);
        Units = [.. (await organisation.ListUnitsAsync(BodyId, ct)).Select(u => (u.Id.ToString(), u.NameIn(Language)))];
        // Names of the seats (the saved ones and those typed) and of the page's cases only.
        var named = (Commission?.Seats.Select(s => s.ServantId) ?? []).Concat(Input.Seats.Where(s => s.ServantId is not null).Select(s => s.ServantId!.Value));
        Names = new Dictionary<Guid, string>(await Servants.NamesAsync(named, ct)).Concat(Evaluated.Items.Where(e => !named.Contains(e.Id)).Select(e => KeyValuePair.Create(e.Id, e.Name)))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
        return true;
    }
}
