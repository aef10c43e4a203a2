using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>The body's servants: search by name or IIN, 50 per page, with today's position.</summary>
[Authorize(Policy = BodyPolicies.ReadOrganisation)]
public sealed class IndexModel(OrganisationService organisation, BagalauDbContext db, TimeProvider clock) : BodyPageModel
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
        var ids = Servants.Items.Select(s => s.Id).ToList();
        // One query for the whole page (no query per row).
        var rows = await (from a in db.Appointments.AsNoTracking()
                          join p in db.Positions.AsNoTracking() on a.PositionId equals p.Id
                          join u in db.StructuralUnits.AsNoTracking() on p.UnitId equals u.Id
                          where a.StateBodyId == BodyId && ids.Contains(a.ServantId) && a.From <= today && (a.To == null || a.To >= today)
                          select new { a.ServantId, Position = p, Unit = u }).ToListAsync(ct);
        CurrentPositions = rows
            .GroupBy(r => r.ServantId)
            .ToDictionary(g => g.Key, g => (g.First().Position.TitleIn(Language), g.First().Unit.NameIn(Language)));
    }
}
