using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>The annual score computed from the year's quarters, with each quarter's contribution (clause 4).</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class AnnualModel(AnnualScoreService service, PackCatalog packs) : QuarterPageModel
{
    [FromRoute]
    public Guid ServantId { get; set; }

    public AnnualView Annual { get; private set; } = null!;

    public string GradeTitle { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? pack, int? year)
    {
        if (string.IsNullOrWhiteSpace(pack) || year is not (>= 2000 and <= 2100))
        {
            return NotFound();
        }

        var result = await service.AnnualAsync(UserId, BodyId, ServantId, pack, year.Value, HttpContext.RequestAborted);
        if (result.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return Page();
        }

        Annual = result.Value!;
        GradeTitle = packs.Catalogue.Find(Annual.PackId)?.VersionOn(new DateOnly(Annual.Year, 12, 31))?.Rules.GradeBands?.Bands
            .FirstOrDefault(b => b.Grade == Annual.Grade)?.Title.In(Language) ?? Annual.Grade;
        return Page();
    }
}
