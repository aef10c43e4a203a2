using Bagalau.Application.Audit;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Persistence;

/// <summary>ADR 0015: contexts come from a pool; each scope's context names that scope's actor and carries nothing of the last one.</summary>
public class PooledContextTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Context_ReusedByTheNextScope_NamesItsActor_AndDropsTheReadsTheLastScopeLeftUnsaved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        BagalauDbContext? first = null;
        await app.WithAsync<BagalauDbContext>(db =>
        {
            first = db;
            db.ChangeTracker.AutoDetectChangesEnabled = false; // as the import does
            db.QueueRead(new AuditEntry("read", "Servant", "left-unsaved", null, null, null));
            return Task.CompletedTask;
        }, actor: "alice");

        BagalauDbContext? second = null;
        var detectsChanges = false;
        var created = await app.WithAsync<OrganisationService, Result<StateBody>>(
            s => s.CreateBodyAsync(new BodyInput("pool", "Орган", null, null)), actor: "bob");
        await app.WithAsync<BagalauDbContext>(db =>
        {
            second = db;
            detectsChanges = db.ChangeTracker.AutoDetectChangesEnabled;
            return Task.CompletedTask;
        });
        var records = await app.WithAsync<BagalauDbContext, List<AuditRecord>>(db => db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync());

        Assert.Same(first, second);
        Assert.True(detectsChanges);
        Assert.NotEqual(Guid.Empty, created.Value.Id);
        Assert.DoesNotContain(records, r => r.EntityKey == "left-unsaved");
        Assert.Equal("bob", Assert.Single(records, r => r.Entity == "StateBody").Actor);
    }
}
