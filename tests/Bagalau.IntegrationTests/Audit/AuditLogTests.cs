using System.Text.Json;
using Bagalau.Application.Audit;
using Bagalau.Application.Demo;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Audit;

public class AuditLogTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryChange_IsRecordedWithActorTimeAndBeforeAfter(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await BodyAsync(app);
        var servant = (await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.CreateServantAsync(body, new ServantInput(DemoSeeder.DemoIin(4), "Оспанов Данияр", null, null, true)), actor: "hr@bagalau.example")).Value;
        app.Clock.Now = app.Clock.Now.AddHours(1);

        await app.WithAsync<OrganisationService, Result<Servant>>(s =>
            s.UpdateServantAsync(body, servant.Id, servant.Version, new ServantInput(DemoSeeder.DemoIin(4), "Оспанов Данияр Маратұлы", null, null, true)), actor: "hr-head@bagalau.example");

        var records = await app.WithAsync<BagalauDbContext, List<AuditRecord>>(db => db.AuditRecords.Where(r => r.Entity == "Servant").OrderBy(r => r.Sequence).ToListAsync());
        Assert.Equal(["insert", "update"], records.Select(r => r.Action));
        Assert.Equal(["hr@bagalau.example", "hr-head@bagalau.example"], records.Select(r => r.Actor));
        Assert.Equal(app.Clock.Now, records[1].At);
        Assert.Equal(servant.Id.ToString(), records[1].EntityKey);
        Assert.Equal(body, records[1].StateBodyId);
        Assert.Equal("Оспанов Данияр", JsonDocument.Parse(records[1].Before!).RootElement.GetProperty("FullName").GetString());
        Assert.Equal("Оспанов Данияр Маратұлы", JsonDocument.Parse(records[1].After!).RootElement.GetProperty("FullName").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Verify_OnAnUntouchedChain_SaysIntactWithTheCount(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        await app.WithAsync<AuditLog>(a => a.RecordReadAsync("EvaluationResult", "42", null), actor: "evaluator@bagalau.example");
        var count = await app.WithAsync<BagalauDbContext, long>(db => db.AuditRecords.LongCountAsync());

        var result = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());
        var inSmallBatches = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync(7, CancellationToken.None));

        Assert.True(result.IsIntact);
        Assert.Equal(result, inSmallBatches);
        Assert.Equal($"audit chain intact: {count} records", result.Message);
        var read = await app.WithAsync<BagalauDbContext, AuditRecord>(db => db.AuditRecords.OrderByDescending(r => r.Sequence).FirstAsync());
        Assert.Equal(("read", "EvaluationResult", "42", "evaluator@bagalau.example"), (read.Action, read.Entity, read.EntityKey, read.Actor));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Verify_AfterARowIsEditedInTheDatabase_NamesThatRecord(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await BodyAsync(app);
        for (var i = 0; i < 5; i++)
        {
            var index = i;
            await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(body, new ServantInput(DemoSeeder.DemoIin(index), "Адам " + index, null, null, true)));
        }

        await app.WithAsync<BagalauDbContext, int>(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"After\" = REPLACE(\"After\", 'Адам 2', 'Адам 9') WHERE \"Sequence\" = 4"));

        var result = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.BrokenSequence);
        Assert.Equal("hash", result.Reason);
        Assert.StartsWith("audit chain broken at record 4", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Verify_AfterARecordIsDeleted_NamesTheGap(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await BodyAsync(app);
        await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body, new UnitInput("u1", "Бөлім", null, null, null)));
        await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body, new UnitInput("u2", "Бөлім 2", null, null, null)));

        await app.WithAsync<BagalauDbContext, int>(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 2"));

        var result = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());

        Assert.Equal(2, result.BrokenSequence);
        Assert.Equal("missing", result.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditRecords_CannotBeChangedOrDeletedThroughTheApp(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await BodyAsync(app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithAsync<BagalauDbContext>(async db =>
        {
            db.AuditRecords.Remove(await db.AuditRecords.FirstAsync());
            await db.SaveChangesAsync();
        }));
        Assert.True((await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync())).IsIntact);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ParallelWriters_NeverForkTheChain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await BodyAsync(app);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(body, new UnitInput("u" + i, "Бөлім " + i, null, null, null))))));

        var result = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(9, result.VerifiedRecords);
    }

    private static async Task<Guid> BodyAsync(TestApp app) =>
        (await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("b1", "Орган", null, null)))).Value.Id;
}
