using Bagalau.Application.Accounts;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class SittingForm
{
    public int Version { get; set; }

    public List<Guid> Present { get; set; } = [];

    public Guid? ServantId { get; set; }

    public string? Vote { get; set; }

    public string? CorrectedGrade { get; set; }

    public string? Recommendations { get; set; }

    public DateOnly? FiledOn { get; set; }

    public string? AppealBody { get; set; }
}

/// <summary>
/// A sitting of the Commission: HR (or the secretary) marks who attends; each present voting
/// member votes openly per servant; the engine checks the quorum and majority and applies the
/// chair's casting vote on a tie; HR records each case (a revised result needs the corrected
/// grade and recommendations), draws the protocol (Appendix 5), and the authorized person
/// approves it, which opens each servant's acquaintance. Appeals are recorded from the protocol.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class SittingModel(
    CommissionService commissions, AppealService appeals, Cycle2018Documents forms, RecordLinks links, BodyAccess access, PackCatalog packs,
    ServantDirectory servants, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, sittingId = SittingId };

    [FromRoute]
    public Guid SittingId { get; set; }

    [BindProperty]
    public SittingForm Input { get; set; } = new();

    public CommissionSitting Sitting { get; private set; } = null!;

    public PackVersion Version { get; private set; } = null!;

    public ProtocolView? Protocol { get; private set; }

    public Guid? MyServantId { get; private set; }

    public IReadOnlyDictionary<Guid, Guid> Appeals { get; private set; } = new Dictionary<Guid, Guid>();

    /// <summary>The last day to appeal the sitting's decisions, with its clause; null while it has not decided.</summary>
    public Decided<DeadlineAnswer>? AppealDue { get; private set; }

    public IReadOnlyList<KpiGradeStep> Grades => Version.Rules.KpiAnnualGrade?.Steps ?? [];

    public bool IsOpen => Sitting.State == SittingState.Open;

    public CommissionSeat? MySeat => Sitting.Seats.FirstOrDefault(s => s.ServantId == MyServantId);

    /// <summary>The engine's decision on a case as things stand (quorum, majority, chair's vote), or why there is none yet.</summary>
    public Outcome<CommissionCaseDecision> DecisionOn(Guid servantId) => Sitting.Decide(Version, servantId);

    public string? MyVoteOn(Guid servantId) =>
        Sitting.Votes.FirstOrDefault(v => v.ServantId == servantId && v.MemberId == MyServantId) is { } vote ? Domain.Organisation.KindIds.Id(vote.Vote) : null;

    public string GradeTitle(string? grade) => Text(Grades.FirstOrDefault(g => g.Grade == grade)?.Title);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new SittingForm { Version = Sitting.Version, Present = [.. Sitting.Present], FiledOn = Today };
        return Page();
    }

    /// <summary>Appendix 5 as DOCX/PDF in kk/ru; access as for the page (others get 404).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string? language, string? format)
    {
        var file = await forms.ProtocolForAsync(UserId, SittingId, language, format, HttpContext.RequestAborted);
        return file.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostPresentAsync() =>
        ActAsync(() => commissions.MarkPresentAsync(UserId, SittingId, Input.Version, Input.Present, HttpContext.RequestAborted), "sitting.present-saved");

    public Task<IActionResult> OnPostVoteAsync() =>
        ActAsync(() => commissions.VoteAsync(UserId, SittingId, Input.Version, Input.ServantId ?? Guid.Empty, Input.Vote ?? string.Empty, HttpContext.RequestAborted), "sitting.voted");

    public Task<IActionResult> OnPostCaseAsync() =>
        ActAsync(() => commissions.RecordCaseAsync(UserId, SittingId, Input.Version, Input.ServantId ?? Guid.Empty, Input.CorrectedGrade, Input.Recommendations, HttpContext.RequestAborted), "sitting.case-recorded");

    public Task<IActionResult> OnPostDrawAsync() =>
        ActAsync(() => commissions.DrawProtocolAsync(UserId, SittingId, Input.Version, Today, HttpContext.RequestAborted), "sitting.protocol-drawn");

    public Task<IActionResult> OnPostApproveAsync() =>
        ActAsync(() => commissions.ApproveProtocolAsync(UserId, SittingId, Input.Version, Today, HttpContext.RequestAborted), "sitting.protocol-approved");

    public async Task<IActionResult> OnPostAppealAsync()
    {
        if (Input.FiledOn is not { } filed)
        {
            return await RefusedAsync(WorkflowRefusals.Required(Fields.Date));
        }

        var filedAppeal = await appeals.FileAsync(UserId, SittingId, Input.ServantId ?? Guid.Empty, Input.AppealBody, filed, HttpContext.RequestAborted);
        if (filedAppeal.Value is { } appeal)
        {
            TempData["Flash"] = c["appeal.filed"].Value;
            return RedirectToPage("/Bodies/Cycles2018/Appeal", new { bodyId = BodyId, appealId = appeal.Id });
        }

        return await RefusedAsync(filedAppeal.Refusal!);
    }

    protected override async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var found = await commissions.SittingAsync(UserId, SittingId, ct);
        if (found.Value is not { } sitting || sitting.StateBodyId != BodyId)
        {
            return false;
        }

        Sitting = sitting;
        Version = packs.Catalogue.Find(sitting.PackId)!.Versions.First(v => v.Id == sitting.PackVersionId);
        Protocol = sitting.State == SittingState.Open ? null : (await commissions.ProtocolAsync(UserId, SittingId, ct)).Value;
        MyServantId = await access.ServantOfAsync(UserId, BodyId, ct);
        Appeals = await links.AppealsOfSittingAsync(SittingId, ct);
        AppealDue = appeals.DeadlineOf(sitting);
        await LoadNamesAsync(sitting.Seats.Select(s => s.ServantId).Concat(sitting.Agenda));
        return true;
    }
}
