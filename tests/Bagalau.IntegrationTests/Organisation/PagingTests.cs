using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Organisation;

public class PagingTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ToPage_GivesTheSameTotal_OnAFullPage_TheLastPage_AndPastTheEnd(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("paging", "Орган", null, null)));
        foreach (var code in new[] { "u1", "u2", "u3", "u4", "u5" })
        {
            await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body.Value.Id, new UnitInput(code, "Бөлім", null, null, null)));
        }

        var pages = await app.WithAsync<BagalauDbContext, List<Page<string>>>(async db =>
        {
            var codes = db.StructuralUnits.Where(u => u.StateBodyId == body.Value.Id).OrderBy(u => u.Code).Select(u => u.Code);
            return
            [
                await codes.ToPageAsync(new PageRequest(1, 2)),
                await codes.ToPageAsync(new PageRequest(3, 2)),
                await codes.ToPageAsync(new PageRequest(4, 2)),
                await codes.ToPageAsync(new PageRequest(1, 10)),
                await codes.Where(c => c == "none").ToPageAsync(new PageRequest(1, 10)),
            ];
        });

        Assert.Equal([5, 5, 5, 5, 0], pages.Select(p => p.Total));
        Assert.Equal(["u1", "u2"], pages[0].Items);
        Assert.Equal(["u5"], pages[1].Items);
        Assert.Empty(pages[2].Items);
        Assert.Equal(3, pages[0].PageCount);
    }
}
