using Bagalau.Application.Audit;
using Bagalau.Application.Demo;
using Bagalau.Application.Import;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Import;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Demo;

public class DatasetGeneratorTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate_SmallNation_WritesEveryBodyThroughTheImport_WithAnIntactAuditChain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dataset = new NationalDataset(servants: 600, bodies: 6, seed: 7, year: 2025);

        var results = await app.WithAsync<DatasetGenerator, List<GeneratedBodyResult>>(async g => await g.GenerateAsync(dataset).ToListAsync());

        Assert.All(results, r => Assert.True(r.Report.Succeeded));
        Assert.Equal(6, results.Count);
        Assert.Equal(600, results.Sum(r => r.Report.Counts[ImportKind.Servants].Created));
        var (servants, lines, bodies, invalidIins) = await app.WithAsync<BagalauDbContext, (int, int, int, int)>(async db =>
        {
            var iins = await db.Servants.Select(s => s.Iin).ToListAsync();
            return (iins.Count, await db.ReportingLines.CountAsync(), await db.StateBodies.CountAsync(), iins.Count(i => !IinRule.IsValid(i)));
        });
        Assert.Equal(600, servants);
        Assert.Equal(0, invalidIins);
        Assert.Equal(6, bodies);

        // Everyone but each body's head has a direct supervisor.
        Assert.Equal(600 - 6, lines);
        var verification = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());
        Assert.True(verification.IsIntact, verification.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate_IntoADatabaseThatHasTheBodies_IsRefused_AndChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var dataset = new NationalDataset(servants: 40, bodies: 2, seed: 1, year: 2025);
        await app.WithAsync<DatasetGenerator, int>(async g => (await g.GenerateAsync(dataset).ToListAsync()).Count);

        var refusal = await app.WithAsync<DatasetGenerator, string?>(g => g.CheckAsync(dataset));

        Assert.Contains("gen-0001", refusal, StringComparison.Ordinal);
        Assert.Equal(40, await app.WithAsync<BagalauDbContext, int>(db => db.Servants.CountAsync()));
    }

    [Fact]
    public void Dataset_WithTheSameSeed_IsTheSameBytes_AndAnotherSeedDiffers()
    {
        var a = new NationalDataset(500, 4, 42, 2025);
        var b = new NationalDataset(500, 4, 42, 2025);
        var c = new NationalDataset(500, 4, 43, 2025);

        Assert.Equal(a.Bodies, b.Bodies);
        Assert.Equal(a.Files(a.Bodies[0]).SelectMany(f => f.Content), b.Files(b.Bodies[0]).SelectMany(f => f.Content));
        Assert.NotEqual(a.Files(a.Bodies[0]).SelectMany(f => f.Content), c.Files(c.Bodies[0]).SelectMany(f => f.Content));
    }

    [Theory]
    [InlineData(100_000, 60)]
    [InlineData(1_000, 3)]
    [InlineData(25, 1)]
    public void Dataset_BodySizes_StayBetween20And5000_AndSumToTheServants(int servants, int bodies)
    {
        var dataset = new NationalDataset(servants, bodies, 3, 2025);

        Assert.Equal(servants, dataset.Bodies.Sum(b => b.Servants));
        Assert.All(dataset.Bodies, b => Assert.InRange(b.Servants, NationalDataset.MinBodySize, NationalDataset.MaxBodySize));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BulkImport_OfThousandsOfRows_WithOneBadRowAtTheEnd_WritesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await ImportTests.NewBodyAsync(app);
        var dataset = new NationalDataset(3000, 1, 5, 2025);
        var files = dataset.Files(dataset.Bodies[0])
            .Select(f => f.Name == "absences.csv" ? (f.Name, Content: f.Content.Concat("999999999999,leave,2025-01-01,2025-01-02\r\n"u8.ToArray()).ToArray()) : f)
            .Select(f => new ImportFile(f.Name, new MemoryStream(f.Content)))
            .ToList();
        var auditBefore = await app.WithAsync<BagalauDbContext, long>(db => db.AuditRecords.LongCountAsync());

        var report = await app.WithAsync<OrganisationImport, ImportReport>(i => i.ImportAsync(body, files));

        var issue = Assert.Single(report.Issues);
        Assert.Equal("absences.csv", issue.Source);
        Assert.Equal(0, await app.WithAsync<BagalauDbContext, int>(db => db.Servants.CountAsync()));
        Assert.Equal(auditBefore, await app.WithAsync<BagalauDbContext, long>(db => db.AuditRecords.LongCountAsync()));
    }

    [Fact]
    public void Dataset_OfAHundredThousandServants_HasValidUniqueIins_ThatNeverRepeatADemoServant()
    {
        var demo = Enumerable.Range(0, DemoSeeder.ServantCount).Select(DemoSeeder.DemoIin).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var female in new[] { false, true })
        {
            seen.Clear();
            for (var k = 0; k < 100_000; k++)
            {
                var iin = NationalDataset.Iin(k, female);
                Assert.Null(IinRule.Check(iin));
                Assert.True(seen.Add(iin), $"IIN {iin} of servant {k} repeats");
                Assert.DoesNotContain(iin, demo);
            }
        }
    }

    [Fact]
    public void Dataset_WithTooFewServantsForTheBodies_IsRefused()
    {
        Assert.NotNull(NationalDataset.Check(100, 10));
        Assert.Throws<ArgumentException>(() => new NationalDataset(100, 10, 1, 2025));
    }
}
