using Bagalau.Application.Audit;
using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>The body's audit records, newest first, and a check of the whole hash chain.</summary>
[Authorize(Policy = BodyPolicies.Administer)]
public sealed class AuditModel(AuditLog audit) : BodyPageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<AuditRecord> Records { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public AuditVerification? Verification { get; private set; }

    protected override string? PolicyForChanges => BodyPolicies.Administer;

    public PagerView Pager => new(Records.Number, Records.PageCount, Records.Total,
        n => Url.Page("/Bodies/Audit", new { bodyId = BodyId, page = n }));

    public Task OnGetAsync() => LoadAsync();

    /// <summary>Verifies the installation's whole chain (records of every body are linked).</summary>
    public async Task OnPostVerifyAsync()
    {
        Verification = await audit.VerifyAsync(HttpContext.RequestAborted);
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        Records = await audit.ListAsync(BodyId, new PageRequest(PageNumber, PageRequest.DefaultSize), HttpContext.RequestAborted);
}
