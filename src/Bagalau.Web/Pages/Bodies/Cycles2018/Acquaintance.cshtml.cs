using Bagalau.Application.Accounts;
using Bagalau.Application.Acquaintance;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class RefusalActForm
{
    public int Version { get; set; }

    public DateOnly? Date { get; set; }

    public string? HrName { get; set; }

    public string? HrPosition { get; set; }

    public string? Witness1Name { get; set; }

    public string? Witness1Position { get; set; }

    public string? Witness2Name { get; set; }

    public string? Witness2Position { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// Acquaintance with a result (both families): the servant acknowledges it; or HR records the
/// refusal act signed by HR and two other employees. Late acquaintance is allowed and flagged.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class AcquaintanceModel(
    AcquaintanceService acquaintances, BodyAccess access, Cycle2018Documents forms, ServantDirectory servants, UnitOfWork work, TimeProvider clock)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, acquaintanceId = AcquaintanceId };

    [FromRoute]
    public Guid AcquaintanceId { get; set; }

    [BindProperty]
    public RefusalActForm Input { get; set; } = new();

    public ResultAcquaintance Record { get; private set; } = null!;

    public bool IsServant { get; private set; }

    public bool IsHr { get; private set; }

    public bool IsPending => Record.State == AcquaintanceState.Pending;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new RefusalActForm { Version = Record.Version, Date = Today };
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string? language, string? format)
    {
        if (Cycle2018Documents.Parse(language, format) is not { } parsed || !await LoadAsync() || Record.State != AcquaintanceState.Refused)
        {
            return NotFound();
        }

        var file = await forms.RefusalActAsync(Record, Body.NameKk, Body.NameRu, Body.NameEn, parsed.Language, parsed.Format, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostAcknowledgeAsync() =>
        ActAsync(() => acquaintances.AcknowledgeAsync(UserId, AcquaintanceId, Input.Version, Today, HttpContext.RequestAborted), "acquaintance.acknowledged");

    public Task<IActionResult> OnPostRefusalAsync()
    {
        if (Input.Date is not { } date)
        {
            return RefusedAsync(WorkflowRefusals.Required(Fields.Date));
        }

        var act = new RefusalActInput(date, Input.HrName ?? string.Empty, Input.HrPosition ?? string.Empty, Input.Witness1Name ?? string.Empty, Input.Witness1Position ?? string.Empty, Input.Witness2Name ?? string.Empty, Input.Witness2Position ?? string.Empty, Input.Note);
        return ActAsync(() => acquaintances.RecordRefusalAsync(UserId, AcquaintanceId, Input.Version, act, Today, HttpContext.RequestAborted), "acquaintance.refusal-recorded");
    }

    protected override async Task<bool> LoadAsync()
    {
        var found = await acquaintances.GetAsync(UserId, AcquaintanceId, HttpContext.RequestAborted);
        if (found.Value is not { } record || record.StateBodyId != BodyId)
        {
            return false;
        }

        Record = record;
        var me = await access.ServantOfAsync(UserId, BodyId, HttpContext.RequestAborted);
        IsServant = me == record.ServantId;
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        await LoadNamesAsync([record.ServantId]);
        return true;
    }
}
