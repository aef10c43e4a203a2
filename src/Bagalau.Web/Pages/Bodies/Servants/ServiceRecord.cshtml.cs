using Bagalau.Application.Acquaintance;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>
/// A servant's service record: the results entered by acquaintance, newest first. The servant
/// opens their own from the body's home, HR any servant's from the servant's page; anyone else
/// gets 404 (<see cref="ServiceRecordService"/>).
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class ServiceRecordModel(ServiceRecordService records, ServantDirectory servants) : BodyPageModel
{
    [FromRoute]
    public Guid ServantId { get; set; }

    public string ServantName { get; private set; } = string.Empty;

    public IReadOnlyList<ServiceRecordLine> Lines { get; private set; } = [];

    protected override string? PolicyForChanges => null;

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await records.OfServantAsync(UserId, BodyId, ServantId, HttpContext.RequestAborted);
        if (result.Value is not { } lines)
        {
            return NotFound();
        }

        Lines = lines;
        ServantName = await servants.NameAsync(ServantId, HttpContext.RequestAborted);
        return Page();
    }
}
