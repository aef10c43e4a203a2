using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Organisation;

public class OrganisationServiceTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DemoSeeder_OnEmptyDatabase_CreatesTheDemoBodyOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var first = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        var second = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));

        Assert.True(first.Seeded);
        Assert.False(second.Seeded);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            Assert.Equal(1, await db.StateBodies.CountAsync());
            Assert.True(await db.StructuralUnits.CountAsync() >= 3);
            Assert.True(await db.Servants.CountAsync() >= 40);
            Assert.True(await db.Sanctions.AnyAsync());
            Assert.True(await db.Absences.AnyAsync());
            Assert.True(await db.Probations.AnyAsync());
            Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync());
            var categories = await db.Positions.Select(p => p.Category).Distinct().ToListAsync();
            foreach (var used in new[] { "D-O-1", "D-O-6", "D-2", "D-4", "C-1", "C-5", "B-1", "B-2", "B-4", "B-5", "E-2", "C-O-1" })
            {
                Assert.Contains(used, categories);
            }

            Assert.All(await db.Servants.Select(s => s.Iin).ToListAsync(), iin => Assert.True(IinRule.IsValid(iin), iin));
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DemoAccounts_SeeOnlyTheDemoBody(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        var other = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("other", "Басқа орган", null, null)));
        Assert.True(other.IsSuccess);

        var hrId = await app.WithAsync<BagalauDbContext, string>(db => db.Users.Where(u => u.Email == "hr@bagalau.example").Select(u => u.Id).SingleAsync());
        var bodies = await app.WithAsync<BodyAccess, IReadOnlyList<Guid>>(a => a.BodiesOfAsync(hrId));
        var roles = await app.WithAsync<BodyAccess, IReadOnlySet<BodyRole>>(a => a.RolesInAsync(hrId, seeded.StateBodyId!.Value));

        Assert.Equal([seeded.StateBodyId!.Value], bodies);
        Assert.Contains(BodyRole.Hr, roles);
        Assert.Empty(await app.WithAsync<BodyAccess, IReadOnlySet<BodyRole>>(a => a.RolesInAsync(hrId, other.Value.Id)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateServant_WithBadIin_IsRejectedAndNothingSaved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)));

        var result = await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.CreateServantAsync(body.Value.Id, new ServantInput("900101300001", "Әбенов Асқар", null, null, true)));

        Assert.Equal("iin-checksum", Assert.Single(result.Errors).Code);
        Assert.Equal(0, await app.WithAsync<BagalauDbContext, int>(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateServant_WithIinAlreadyInTheBody_IsRejected(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)));
        var iin = DemoSeeder.DemoIin(0);
        await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(body.Value.Id, new ServantInput(iin, "Бірінші Адам", null, null, true)));

        var second = await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(body.Value.Id, new ServantInput(iin, "Екінші Адам", null, null, true)));

        Assert.Equal("servant-duplicate-iin", Assert.Single(second.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateServant_FromAStaleCopy_IsAConcurrencyConflictAndKeepsTheOtherEdit(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)));
        var servant = await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.CreateServantAsync(body.Value.Id, new ServantInput(DemoSeeder.DemoIin(1), "Әбенова Айгүл", null, null, true)));
        var readVersion = servant.Value.Version;

        var first = await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.UpdateServantAsync(body.Value.Id, servant.Value.Id, readVersion, new ServantInput(DemoSeeder.DemoIin(1), "Әбенова Айгүл Серікқызы", null, null, true)));
        var stale = await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.UpdateServantAsync(body.Value.Id, servant.Value.Id, readVersion, new ServantInput(DemoSeeder.DemoIin(1), "Басқа Ат", null, null, false)));

        Assert.True(first.IsSuccess);
        Assert.Equal(readVersion + 1, first.Value.Version);
        Assert.Equal("concurrency-conflict", Assert.Single(stale.Errors).Code);
        var stored = await app.WithAsync<OrganisationService, Servant?>(s => s.GetServantAsync(body.Value.Id, servant.Value.Id));
        Assert.Equal("Әбенова Айгүл Серікқызы", stored!.FullName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentSaves_OfTheSameVersion_OnlyTheFirstWins(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)));
        var unit = await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body.Value.Id, new UnitInput("u1", "Бөлім", null, null, null)));

        // Two requests load the unit at the same version, then both save.
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<BagalauDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<BagalauDbContext>();
        var unitA = await a.StructuralUnits.SingleAsync();
        var unitB = await b.StructuralUnits.SingleAsync();
        unitA.Change("Бірінші", null, null, null, new Dictionary<Guid, Guid?>());
        unitB.Change("Екінші", null, null, null, new Dictionary<Guid, Guid?>());
        await a.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
        Assert.Equal("Бірінші", (await app.WithAsync<OrganisationService, StructuralUnit?>(s => s.GetUnitAsync(body.Value.Id, unit.Value.Id)))!.NameKk);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ServantRecords_FollowTheRules(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = (await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)))).Value.Id;
        var unit = (await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body, new UnitInput("u1", "Бөлім", null, null, null)))).Value;
        var position = (await app.WithAsync<OrganisationService, Result<Position>>(s => s.CreatePositionAsync(body, new PositionInput("p1", "Сарапшы", null, null, unit.Id, "C-4", null)))).Value;
        var servant = (await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(body, new ServantInput(DemoSeeder.DemoIin(2), "Қасымов Ерлан", null, null, true)))).Value;

        var appointed = await app.WithAsync<OrganisationService, Result<Appointment>>(s => s.AddAppointmentAsync(body, servant.Id, new AppointmentInput(position.Id, new DateOnly(2024, 1, 1), null)));
        var overlapping = await app.WithAsync<OrganisationService, Result<Appointment>>(s => s.AddAppointmentAsync(body, servant.Id, new AppointmentInput(position.Id, new DateOnly(2024, 6, 1), null)));
        var backwards = await app.WithAsync<OrganisationService, Result<Absence>>(s => s.AddAbsenceAsync(body, servant.Id, new AbsenceInput("sick", new DateOnly(2024, 3, 10), new DateOnly(2024, 3, 1))));
        var unknownKind = await app.WithAsync<OrganisationService, Result<Absence>>(s => s.AddAbsenceAsync(body, servant.Id, new AbsenceInput("holiday", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 10))));
        var sanction = await app.WithAsync<OrganisationService, Result<Sanction>>(s => s.AddSanctionAsync(body, servant.Id, new SanctionInput("severe-reprimand", new DateOnly(2024, 5, 1), null, null)));
        var badCategory = await app.WithAsync<OrganisationService, Result<Position>>(s => s.CreatePositionAsync(body, new PositionInput("p2", "Сарапшы", null, null, unit.Id, "X-9", null)));

        Assert.True(appointed.IsSuccess);
        Assert.Equal("appointment-overlap", Assert.Single(overlapping.Errors).Code);
        Assert.Equal("absence-ends-before-start", Assert.Single(backwards.Errors).Code);
        Assert.Equal("value-unknown", Assert.Single(unknownKind.Errors).Code);
        Assert.True(sanction.IsSuccess);
        Assert.Equal("category-unknown", Assert.Single(badCategory.Errors).Code);
        var stored = await app.WithAsync<OrganisationService, Servant?>(s => s.GetServantAsync(body, servant.Id));
        Assert.Single(stored!.Appointments);
        Assert.Empty(stored.Absences);
        Assert.Equal(SanctionKind.SevereReprimand, Assert.Single(stored.Sanctions).Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportingLines_RejectACycleAndDeriveTheSuperior(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = (await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)))).Value.Id;
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var index = i;
            ids.Add((await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(body, new ServantInput(DemoSeeder.DemoIin(index), "Адам " + index, null, null, true)))).Value.Id);
        }

        // 0 reports to 1, 1 reports to 2; then 2 -> 0 would close the circle.
        await app.WithAsync<OrganisationService, Result<ReportingLine>>(s => s.SetReportingLineAsync(body, new ReportingLineInput(ids[0], "direct-supervisor", ids[1])));
        await app.WithAsync<OrganisationService, Result<ReportingLine>>(s => s.SetReportingLineAsync(body, new ReportingLineInput(ids[1], "direct-supervisor", ids[2])));
        var cycle = await app.WithAsync<OrganisationService, Result<ReportingLine>>(s => s.SetReportingLineAsync(body, new ReportingLineInput(ids[2], "direct-supervisor", ids[0])));

        Assert.Equal("reporting-cycle", Assert.Single(cycle.Errors).Code);
        var structure = await app.WithAsync<OrganisationService, ReportingStructure>(s => s.ReportingStructureAsync(body));
        Assert.Equal(ids[2], structure.SuperiorOf(ids[0]));
        Assert.Null(structure.DirectSupervisorOf(ids[2]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SearchServants_FindsByAnyPartOfTheNameInAnyCase_OrByIinStart_AndPages(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        var body = seeded.StateBodyId!.Value;

        var byName = await app.WithAsync<OrganisationService, Page<Servant>>(s => s.SearchServantsAsync(body, "асқар", new PageRequest(1, 100)));
        var byIin = await app.WithAsync<OrganisationService, Page<Servant>>(s => s.SearchServantsAsync(body, DemoSeeder.DemoIin(5)[..8], PageRequest.First));
        var wildcard = await app.WithAsync<OrganisationService, Page<Servant>>(s => s.SearchServantsAsync(body, "%", PageRequest.First));
        var secondPage = await app.WithAsync<OrganisationService, Page<Servant>>(s => s.SearchServantsAsync(body, null, new PageRequest(2, 10)));

        Assert.NotEmpty(byName.Items);
        Assert.All(byName.Items, s => Assert.Contains("Асқар", s.FullName, StringComparison.Ordinal));
        Assert.Contains(byIin.Items, s => s.Iin == DemoSeeder.DemoIin(5));
        Assert.Empty(wildcard.Items);
        Assert.Equal(DemoSeeder.ServantCount, secondPage.Total);
        Assert.Equal(10, secondPage.Items.Count);
        Assert.Equal(5, secondPage.PageCount);
    }
}
