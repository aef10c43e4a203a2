using System.Globalization;
using System.Text;
using Bagalau.Application.Demo;
using Bagalau.Application.Import;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Import;

public class ImportTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string Iin1 = DemoSeeder.DemoIin(0);
    private static readonly string Iin2 = DemoSeeder.DemoIin(1);
    private static readonly string Iin3 = DemoSeeder.DemoIin(2);

    private static readonly string Units = "unit_code,parent_code,name_kk,name_ru,name_en\nroot,,Аппарат,Аппарат,Apparatus\nfin,root,Қаржы департаменті,\"Департамент финансов, бюджета\",Finance\n";
    private static readonly string Positions = "position_code,unit_code,title_kk,title_ru,title_en,category,qualifier\nP1,root,Басшы,,,D-O-1,unit-head\nP2,fin,Сарапшы,,,C-4,\nP3,fin,Сарапшы,,,C-5,\n";
    private static readonly string Servants = $"iin,full_name,email,phone,provides_public_services\n{Iin1},Әбенов Асқар Серікұлы,a@bagalau.example,+7 701 000 00 01,yes\n{Iin2},Серікбаева Айгүл,,,no\n{Iin3},Нұрланов Ерлан,,,иә\n";
    private static readonly string Appointments = $"iin,position_code,from,to\n{Iin1},P1,2020-01-01,\n{Iin2},P2,2021-03-01,\n{Iin3},P3,01.02.2022,\n";
    private static readonly string Lines = $"iin,kind,supervisor_iin\n{Iin2},direct-supervisor,{Iin1}\n{Iin3},direct-supervisor,{Iin2}\n";
    private static readonly string Absences = $"iin,kind,from,to\n{Iin2},sick,2024-02-01,2024-02-05\n";
    private static readonly string Sanctions = $"iin,kind,applied,lifted,note\n{Iin3},remark,2024-05-01,,\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAGoodSet_CreatesEverything_AndAgainChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);

        var first = await ImportAsync(app, body, Csv("units.csv", Units), Csv("positions.csv", Positions), Csv("servants.csv", Servants),
            Csv("appointments.csv", Appointments), Csv("lines.csv", Lines), Csv("absences.csv", Absences), Csv("sanctions.csv", Sanctions));
        var auditAfterFirst = await AuditCountAsync(app);
        var second = await ImportAsync(app, body, Csv("units.csv", Units), Csv("positions.csv", Positions), Csv("servants.csv", Servants),
            Csv("appointments.csv", Appointments), Csv("lines.csv", Lines), Csv("absences.csv", Absences), Csv("sanctions.csv", Sanctions));

        Assert.True(first.Succeeded, Describe(first));
        Assert.Equal(new KindCounts(3, 0, 0), first.Counts[ImportKind.Servants]);
        Assert.Equal(new KindCounts(2, 0, 0), first.Counts[ImportKind.ReportingLines]);
        Assert.True(second.ChangedNothing, Describe(second));
        Assert.Equal(new KindCounts(0, 0, 3), second.Counts[ImportKind.Servants]);
        Assert.Equal(auditAfterFirst, await AuditCountAsync(app));
        var servant = await app.WithAsync<OrganisationService, Servant?>(s => s.FindServantByIinAsync(body, Iin3));
        Assert.Equal(new DateOnly(2022, 2, 1), Assert.Single(servant!.Appointments).From);
        Assert.True(servant.ProvidesPublicServices);
        var unit = await app.WithAsync<BagalauDbContext, StructuralUnit>(db => db.StructuralUnits.SingleAsync(u => u.Code == "fin"));
        Assert.Equal("Департамент финансов, бюджета", unit.NameRu);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ThatChangesOneValue_UpdatesOnlyThatRecord(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);
        await ImportAsync(app, body, Csv("servants.csv", Servants));

        var changed = await ImportAsync(app, body, Csv("servants.csv", Servants.Replace("Серікбаева Айгүл", "Серікбаева Айгүл Болатқызы", StringComparison.Ordinal)));

        Assert.True(changed.Succeeded, Describe(changed));
        Assert.Equal(new KindCounts(0, 1, 2), changed.Counts[ImportKind.Servants]);
    }

    public static TheoryData<string, string, string, string, int?, string?> BadFiles()
    {
        var data = new TheoryData<string, string, string, string, int?, string?>();
        foreach (var p in ProviderNames())
        {
            data.Add(p, "iin-format", "servants.csv", $"iin,full_name\n{Iin1},Бірінші\n12345,Екінші\n", 3, "iin");
            data.Add(p, "iin-checksum", "servants.csv", $"iin,full_name\n{Iin1[..11]}{(Iin1[11] == '9' ? '0' : (char)(Iin1[11] + 1))},Бірінші\n", 2, "iin");
            data.Add(p, "category-unknown", "positions.csv", "position_code,unit_code,title_kk,category\nP9,root,Сарапшы,Z-7\n", 2, "category");
            data.Add(p, "servant-duplicate-iin", "servants.csv", $"iin,full_name\n{Iin1},Бірінші\n{Iin2},Екінші\n{Iin1},Үшінші\n", 4, "iin");
            data.Add(p, "reporting-cycle", "lines.csv", $"iin,kind,supervisor_iin\n{Iin1},direct-supervisor,{Iin3}\n", 2, "supervisor_iin");
            data.Add(p, "appointment-overlap", "appointments.csv", $"iin,position_code,from,to\n{Iin1},P2,2023-06-01,\n", 2, "from");
            data.Add(p, "absence-ends-before-start", "absences.csv", $"iin,kind,from,to\n{Iin1},leave,2024-07-20,2024-07-01\n", 2, "to");
            data.Add(p, "value-unknown", "absences.csv", $"iin,kind,from,to\n{Iin1},holiday,2024-07-01,2024-07-20\n", 2, "kind");
            data.Add(p, "date-invalid", "appointments.csv", $"iin,position_code,from,to\n{Iin1},P2,2024-13-45,\n", 2, "from");
            data.Add(p, "columns-missing", "servants.csv", $"iin,email\n{Iin1},a@b.kz\n", 1, null);
            data.Add(p, "columns-unknown", "servants.csv", $"iin,full_name,nickname\n{Iin1},Бірінші,Ақа\n", 1, "nickname");
            data.Add(p, "file-kind-unknown", "data.csv", "a,b,c\n1,2,3\n", 1, null);
            data.Add(p, "reference-unknown", "units.csv", "unit_code,parent_code,name_kk\nsub,nowhere,Бөлім\n", 2, "parent_code");
            data.Add(p, "unit-cycle", "units.csv", "unit_code,parent_code,name_kk\nroot,fin,Аппарат\n", 2, "parent_code");
            data.Add(p, "csv-malformed", "servants.csv", $"iin,full_name\n{Iin1},\"Бірінші\n", 2, null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Import_WithABadRow_RejectsTheWholeFile_NamesRowAndColumn_AndSavesNothing(
        string provider, string code, string file, string content, int? row, string? column)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);
        var setUp = await ImportAsync(app, body, Csv("units.csv", Units), Csv("positions.csv", Positions), Csv("servants.csv", Servants),
            Csv("appointments.csv", Appointments), Csv("lines.csv", Lines));
        Assert.True(setUp.Succeeded, Describe(setUp));
        var before = await SnapshotAsync(app);

        // The bad file comes with a good one: neither is applied.
        var goodExtra = Csv("more-units.csv", "unit_code,name_kk\nextra,Қосымша\n");
        var report = await ImportAsync(app, body, goodExtra, Csv(file, content));

        Assert.False(report.Succeeded);
        var issue = report.Issues.First();
        Assert.Equal(code, issue.Error.Code);
        Assert.Equal(file, issue.Source);
        Assert.Equal(row, issue.Row);
        if (column is not null)
        {
            Assert.Equal(column, issue.Column);
        }

        Assert.All(report.Localise(CultureInfo.GetCultureInfo("kk-KZ")), i => Assert.False(string.IsNullOrWhiteSpace(i.Message)));
        Assert.Equal(before, await SnapshotAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAFileThatIsNotUtf8_IsRejectedWithTheLine(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);
        var cp1251 = new byte[] { 0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2 }; // "Привет" in Windows-1251
        var bytes = Encoding.UTF8.GetBytes($"iin,full_name\n{Iin1},").Concat(cp1251).Concat("\n"u8.ToArray()).ToArray();

        var report = await ImportAsync(app, body, new ImportFile("servants.csv", new MemoryStream(bytes)));

        var issue = Assert.Single(report.Issues);
        Assert.Equal("encoding-invalid", issue.Error.Code);
        Assert.Equal(2, issue.Row);
        Assert.Equal(0, await app.WithAsync<BagalauDbContext, int>(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_WithUtf8Bom_AndSemicolons_IsRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"iin;full_name;provides_public_services\r\n{Iin1};Әбенов Асқар;да\r\n")).ToArray();

        var report = await ImportAsync(app, body, new ImportFile("servants.csv", new MemoryStream(bytes)));

        Assert.True(report.Succeeded, Describe(report));
        Assert.Equal(1, report.Counts[ImportKind.Servants].Created);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAnXlsxThatIsNotAWorkbook_IsRejected(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await NewBodyAsync(app);

        var notZip = await ImportAsync(app, body, new ImportFile("staff.xlsx", new MemoryStream(Encoding.UTF8.GetBytes("iin,full_name\n"))));
        var zipNotXlsx = await ImportAsync(app, body, new ImportFile("staff.xlsx", new MemoryStream(EmptyZip())));
        var wrongType = await ImportAsync(app, body, new ImportFile("staff.txt", new MemoryStream([1, 2, 3])));

        Assert.Equal("xlsx-invalid", Assert.Single(notZip.Issues).Error.Code);
        Assert.Equal("xlsx-invalid", Assert.Single(zipNotXlsx.Issues).Error.Code);
        Assert.Equal("file-type-unsupported", Assert.Single(wrongType.Issues).Error.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExportThenImport_OfTheDemoBody_ChangesNothing_InXlsxAndCsv(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        var body = seeded.StateBodyId!.Value;
        var audit = await AuditCountAsync(app);

        var workbook = new MemoryStream();
        await app.WithAsync<OrganisationExport>(e => e.WriteXlsxAsync(body, workbook));
        var fromXlsx = await ImportAsync(app, body, new ImportFile("demo.xlsx", new MemoryStream(workbook.ToArray())));

        var csvFiles = new List<ImportFile>();
        foreach (var kind in ImportFormat.Kinds)
        {
            var csv = new MemoryStream();
            await app.WithAsync<OrganisationExport>(e => e.WriteCsvAsync(body, kind, csv));
            csvFiles.Add(new ImportFile(ImportFormat.Id(kind) + ".csv", new MemoryStream(csv.ToArray())));
        }

        var fromCsv = await ImportAsync(app, body, csvFiles.ToArray());

        Assert.True(fromXlsx.ChangedNothing, Describe(fromXlsx));
        Assert.True(fromCsv.ChangedNothing, Describe(fromCsv));
        Assert.Equal(DemoSeeder.ServantCount, fromXlsx.Counts[ImportKind.Servants].Unchanged);
        Assert.Equal(audit, await AuditCountAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExportedWorkbook_ImportedIntoANewBody_ExportsTheSameAgain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var seeded = await app.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(TestApp.Today));
        var copy = await NewBodyAsync(app);
        var original = new MemoryStream();
        await app.WithAsync<OrganisationExport>(e => e.WriteCsvAsync(seeded.StateBodyId!.Value, ImportKind.ReportingLines, original));
        var workbook = new MemoryStream();
        await app.WithAsync<OrganisationExport>(e => e.WriteXlsxAsync(seeded.StateBodyId!.Value, workbook));

        var imported = await ImportAsync(app, copy, new ImportFile("demo.xlsx", new MemoryStream(workbook.ToArray())));
        var again = new MemoryStream();
        await app.WithAsync<OrganisationExport>(e => e.WriteCsvAsync(copy, ImportKind.ReportingLines, again));

        Assert.True(imported.Succeeded, Describe(imported));
        Assert.Equal(DemoSeeder.ServantCount, imported.Counts[ImportKind.Servants].Created);
        Assert.Equal(Encoding.UTF8.GetString(original.ToArray()), Encoding.UTF8.GetString(again.ToArray()));
    }

    /// <summary>The providers of <see cref="TestDatabases.Providers"/> as plain names.</summary>
    internal static IEnumerable<string> ProviderNames() =>
        string.IsNullOrEmpty(TestDatabases.PostgresServer) ? ["sqlite"] : ["sqlite", "postgres"];

    internal static ImportFile Csv(string name, string text) => new(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    internal static async Task<Guid> NewBodyAsync(TestApp app, string code = "b1") =>
        (await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput(code, "Орган " + code, null, null)))).Value.Id;

    private static Task<ImportReport> ImportAsync(TestApp app, Guid body, params ImportFile[] files) =>
        app.WithAsync<OrganisationImport, ImportReport>(i => i.ImportAsync(body, files));

    private static Task<long> AuditCountAsync(TestApp app) =>
        app.WithAsync<BagalauDbContext, long>(db => db.AuditRecords.LongCountAsync());

    private static Task<string> SnapshotAsync(TestApp app) => app.WithAsync<BagalauDbContext, string>(async db =>
        string.Join("/", await db.StructuralUnits.CountAsync(), await db.Positions.CountAsync(), await db.Servants.CountAsync(),
            await db.Appointments.CountAsync(), await db.Absences.CountAsync(), await db.ReportingLines.CountAsync(),
            await db.AuditRecords.CountAsync(), string.Join(",", await db.Servants.OrderBy(s => s.Iin).Select(s => s.FullName + s.Version).ToListAsync())));

    private static string Describe(ImportReport report) =>
        string.Join("; ", report.Issues.Select(i => $"{i.Source} row {i.Row} {i.Column}: {i.Error}"));

    private static byte[] EmptyZip()
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            entry.Write("not a workbook");
        }

        return stream.ToArray();
    }
}

public class XlsxCellTests
{
    [Theory]
    [MemberData(nameof(ImportTests.Providers), MemberType = typeof(ImportTests))]
    public async Task Workbook_WithNumbersAndDatesTypedInExcel_IsRead(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await ImportTests.NewBodyAsync(app);
        var young = "050315500014"; // born 2005: Excel drops the leading zero of the number
        Assert.True(IinRule.IsValid(young));
        var workbook = Workbook(
            ("servants", [["iin", "full_name"], [N("050315500014"), "Жас Маман"]]),
            ("units", [["unit_code", "name_kk"], ["u1", "Бөлім"]]),
            ("positions", [["position_code", "unit_code", "title_kk", "category"], ["p1", "u1", "Маман", "C-5"]]),
            ("appointments", [["iin", "position_code", "from"], [N(young), "p1", N("45717")]]));

        var report = await app.WithAsync<OrganisationImport, ImportReport>(i => i.ImportAsync(body, [new ImportFile("staff.xlsx", new MemoryStream(workbook))]));

        Assert.True(report.Succeeded, string.Join("; ", report.Issues.Select(i => $"{i.Sheet} {i.Row} {i.Column} {i.Error}")));
        var servant = await app.WithAsync<OrganisationService, Servant?>(s => s.FindServantByIinAsync(body, young));
        Assert.Equal(new DateOnly(2025, 3, 1), Assert.Single(servant!.Appointments).From);
    }

    /// <summary>A cell that Excel stored as a number.</summary>
    private static object N(string digits) => double.Parse(digits, CultureInfo.InvariantCulture);

    private static byte[] Workbook(params (string Sheet, object[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var list = workbookPart.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
                var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
                foreach (var row in rows)
                {
                    var r = new DocumentFormat.OpenXml.Spreadsheet.Row();
                    foreach (var value in row)
                    {
                        r.Append(value is double number
                            ? new DocumentFormat.OpenXml.Spreadsheet.Cell { CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(number) }
                            : new DocumentFormat.OpenXml.Spreadsheet.Cell { DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.String, CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue((string)value) });
                    }

                    data.Append(r);
                }

                part.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }
}
