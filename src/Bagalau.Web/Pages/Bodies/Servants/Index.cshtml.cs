using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>The body's servants: search by name or IIN, 50 per page, with today's position.</summary>
[Authorize(Policy = BodyPolicies.ReadOrganisation)]
public sealed class IndexModel(OrganisationService organisation, PositionDirectory positions, TimeProvider clock) : BodyPageModel
{
    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<Servant> Servants { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    /// <summary>Servant id to the title and unit of the position held today.</summary>
    public IReadOnlyDictionary<Guid, (string Position, string Unit)> CurrentPositions { get; private set; } =
        new Dictionary<Guid, (string, string)>();

    public PagerView Pager => new(Servants.Number, Servants.PageCount, Servants.Total,
        n => Url.Page("/Bodies/Servants/Index", new { bodyId = BodyId, q = Search, page = n }));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Servants = await organisation.SearchServantsAsync(BodyId, Search, new PageRequest(PageNumber, PageRequest.DefaultSize), ct);
        var today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        var held = await positions.HeldOnAsync(BodyId, Servants.Items.Select(s => s.Id).ToList(), today, ct);
        CurrentPositions = held.ToDictionary(h => h.Key, h => (h.Value.Position.TitleIn(Language), h.Value.Unit.NameIn(Language)));
    }
}
