using System.Text.Json;
using Bagalau.Application.Audit;
using Bagalau.Application.Demo;
using Bagalau.Application.Import;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Import;

/// <summary>New rows of an import are written untracked: their audit records must still hold every value.</summary>
public class ImportAuditTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string Iin1 = DemoSeeder.DemoIin(0);
    private static readonly string Iin2 = DemoSeeder.DemoIin(1);
    private static readonly string Iin3 = DemoSeeder.DemoIin(2);

    // The child unit comes before its parent: the new rows must still be written parents first.
    private static readonly string Units = "unit_code,parent_code,name_kk,name_ru,name_en\nfin,root,Қаржы департаменті,\"Департамент финансов, бюджета\",Finance\nroot,,Аппарат,Аппарат,Apparatus\n";
    private static readonly string Positions = "position_code,unit_code,title_kk,title_ru,title_en,category,qualifier\nP1,root,Басшы,,,D-O-1,unit-head\nP2,fin,Сарапшы,,,C-4,\n";
    private static readonly string Servants = $"iin,full_name,email,phone,provides_public_services\n{Iin1},Әбенов Асқар Серікұлы,a@bagalau.example,+7 701 000 00 01,yes\n{Iin2},Серікбаева Айгүл,,,no\n";
    private static readonly string Appointments = $"iin,position_code,from,to\n{Iin1},P1,2020-01-01,\n{Iin2},P2,01.03.2021,\n";
    private static readonly string Lines = $"iin,kind,supervisor_iin\n{Iin2},direct-supervisor,{Iin1}\n";
    private static readonly string Sanctions = $"iin,kind,applied,lifted,note\n{Iin2},remark,2024-05-01,2024-11-01,Кешігу\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfNewRecords_AuditsEveryImportedValue_AndTheChainVerifies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await ImportTests.NewBodyAsync(app);

        // Batches of one row: every row and its audit record is its own write, the chain runs across them.
        var report = await app.WithAsync<OrganisationImport, ImportReport>(i =>
        {
            i.BatchSize = 1;
            return i.ImportAsync(body, [ImportTests.Csv("units.csv", Units), ImportTests.Csv("positions.csv", Positions),
                ImportTests.Csv("servants.csv", Servants), ImportTests.Csv("appointments.csv", Appointments),
                ImportTests.Csv("lines.csv", Lines), ImportTests.Csv("sanctions.csv", Sanctions)]);
        });

        Assert.True(report.Succeeded, string.Join("; ", report.Issues.Select(i => $"{i.Source} {i.Row} {i.Column} {i.Error}")));
        var audit = await InsertsAsync(app);
        await AssertEveryRowAuditedOnceAsync(app, audit);
        var fin = await app.WithAsync<BagalauDbContext, (Guid Fin, Guid? Parent, Guid Root)>(async db =>
        {
            var units = await db.StructuralUnits.ToListAsync();
            var f = units.Single(u => u.Code == "fin");
            return (f.Id, f.ParentId, units.Single(u => u.Code == "root").Id);
        });
        Assert.Equal(fin.Root, fin.Parent);
        var finAudit = audit[("StructuralUnit", fin.Fin.ToString())];
        Assert.Equal("Департамент финансов, бюджета", finAudit["NameRu"]);
        Assert.Equal(fin.Root.ToString(), finAudit["ParentId"], StringComparer.OrdinalIgnoreCase);
        var servant = audit.Values.Single(v => v.GetValueOrDefault("Iin") == Iin1);
        Assert.Equal("Әбенов Асқар Серікұлы", servant["FullName"]);
        Assert.Equal("a@bagalau.example", servant["Email"]);
        Assert.Equal("+7 701 000 00 01", servant["Phone"]);
        Assert.Equal("True", servant["ProvidesPublicServices"]);
        Assert.Contains(audit.Values, v => v.GetValueOrDefault("From") == "2021-03-01" && v.ContainsKey("PositionId"));
        var sanction = audit.Values.Single(v => v.GetValueOrDefault("Kind") == "remark");
        Assert.Equal(("2024-05-01", "2024-11-01", "Кешігу"), (sanction["Applied"], sanction["Lifted"], sanction["Note"]));
        Assert.Contains(audit.Values, v => v.GetValueOrDefault("Kind") == "direct-supervisor");
        var verified = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());
        Assert.True(verified.IsIntact, verified.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfRecordsForServantsTheBodyHas_AuditsThemOnce_AndTheChainVerifies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await ImportTests.NewBodyAsync(app);
        await ImportAsync(app, body, ImportTests.Csv("units.csv", Units), ImportTests.Csv("positions.csv", Positions), ImportTests.Csv("servants.csv", Servants));

        var report = await ImportAsync(app, body, ImportTests.Csv("servants.csv", Servants.Replace("Серікбаева Айгүл", "Серікбаева Айгүл Болатқызы", StringComparison.Ordinal)),
            ImportTests.Csv("appointments.csv", Appointments), ImportTests.Csv("lines.csv", Lines), ImportTests.Csv("sanctions.csv", Sanctions));

        Assert.True(report.Succeeded, string.Join("; ", report.Issues.Select(i => $"{i.Source} {i.Row} {i.Column} {i.Error}")));
        Assert.Equal(new KindCounts(0, 1, 1), report.Counts[ImportKind.Servants]);
        Assert.Equal(new KindCounts(2, 0, 0), report.Counts[ImportKind.Appointments]);
        Assert.Equal(new KindCounts(1, 0, 0), report.Counts[ImportKind.Sanctions]);
        Assert.Equal(new KindCounts(1, 0, 0), report.Counts[ImportKind.ReportingLines]);
        var audit = await InsertsAsync(app);
        await AssertEveryRowAuditedOnceAsync(app, audit);
        Assert.Contains(audit.Values, v => v.GetValueOrDefault("From") == "2020-01-01" && v.ContainsKey("PositionId"));
        var verified = await app.WithAsync<AuditLog, AuditVerification>(a => a.VerifyAsync());
        Assert.True(verified.IsIntact, verified.Message);
    }

    private static Task<ImportReport> ImportAsync(TestApp app, Guid body, params ImportFile[] files) =>
        app.WithAsync<OrganisationImport, ImportReport>(i => i.ImportAsync(body, files));

    /// <summary>The "after" values of every insert record, by entity and key.</summary>
    private static Task<Dictionary<(string Entity, string Key), Dictionary<string, string?>>> InsertsAsync(TestApp app) =>
        app.WithAsync<BagalauDbContext, Dictionary<(string, string), Dictionary<string, string?>>>(async db =>
        {
            var records = await db.AuditRecords.Where(r => r.Action == "insert").Select(r => new { r.Entity, r.EntityKey, r.After }).ToListAsync();
            return records.ToDictionary(
                r => (r.Entity, r.EntityKey.ToLowerInvariant()),
                r => JsonDocument.Parse(r.After!).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.True => "True",
                    JsonValueKind.False => "False",
                    _ => p.Value.GetString(),
                }));
        });

    private static async Task AssertEveryRowAuditedOnceAsync(TestApp app, Dictionary<(string Entity, string Key), Dictionary<string, string?>> audit)
    {
        var rows = await app.WithAsync<BagalauDbContext, List<(string, string)>>(async db =>
        {
            var keys = new List<(string, string)>();
            keys.AddRange((await db.StructuralUnits.Select(u => u.Id).ToListAsync()).Select(id => ("StructuralUnit", id.ToString())));
            keys.AddRange((await db.Positions.Select(u => u.Id).ToListAsync()).Select(id => ("Position", id.ToString())));
            keys.AddRange((await db.Servants.Select(u => u.Id).ToListAsync()).Select(id => ("Servant", id.ToString())));
            keys.AddRange((await db.Appointments.Select(u => u.Id).ToListAsync()).Select(id => ("Appointment", id.ToString())));
            keys.AddRange((await db.ReportingLines.Select(u => u.Id).ToListAsync()).Select(id => ("ReportingLine", id.ToString())));
            keys.AddRange((await db.Sanctions.Select(u => u.Id).ToListAsync()).Select(id => ("Sanction", id.ToString())));
            return keys;
        });
        Assert.Equal(10, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(audit.ContainsKey(row), $"no insert audit record for {row}");
        }

        var organisationInserts = audit.Keys.Where(k => k.Entity is "StructuralUnit" or "Position" or "Servant" or "Appointment" or "ReportingLine" or "Sanction").ToList();
        Assert.Equal(rows.Count, organisationInserts.Count);
    }
}
