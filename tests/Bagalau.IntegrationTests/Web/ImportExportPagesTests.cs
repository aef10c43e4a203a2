using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bagalau.Application.Accounts;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

public class ImportExportPagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_WithABadRow_ShowsEveryIssueAndSavesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var bad = WebTestHost.ValidIin[..11] + (char)('0' + ((WebTestHost.ValidIin[11] - '0' + 1) % 10));
        var csv = $"iin,full_name,email\n{WebTestHost.Iin("880202", 3, 40)},Ахметов Ерлан Маратұлы,erlan@example.kz\n{bad},Сейітова Жанар Асанқызы,\n";

        var response = await UploadAsync(client, $"/bodies/{body}/import", ("servants.csv", Encoding.UTF8.GetBytes(csv)));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-test=\"import-issues\"", html);
        Assert.Contains("servants.csv", html);
        Assert.Contains($"IIN '{bad}' has a wrong check digit", html);
        Assert.Contains("<code>iin</code>", html);
        Assert.Equal(0, await host.WithDbAsync(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAFileThatIsNotXlsx_SaysSo(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "ru");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var response = await UploadAsync(client, $"/bodies/{body}/import", ("staff.xlsx", Encoding.UTF8.GetBytes("this is not a workbook")));

        Assert.Contains("Файл не является книгой XLSX или повреждён.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfAGoodFile_SavesIt_AndTheSameFileAgainChangesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var csv = Encoding.UTF8.GetBytes($"iin,full_name\n{WebTestHost.Iin("880202", 3, 40)},Ахметов Ерлан Маратұлы\n{WebTestHost.Iin("910512", 4, 70)},Сейітова Жанар Асанқызы\n");

        var first = WebUtility.HtmlDecode(await (await UploadAsync(client, $"/bodies/{body}/import", ("servants.csv", csv))).Content.ReadAsStringAsync());
        var again = WebUtility.HtmlDecode(await (await UploadAsync(client, $"/bodies/{body}/import", ("servants.csv", csv))).Content.ReadAsStringAsync());

        Assert.Contains("All rows were saved.", first);
        Assert.Contains("The file matches the body's data: nothing changed.", again);
        Assert.Equal(2, await host.WithDbAsync(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_WithoutAFile_AsksForOne(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var response = await Forms.PostAsync(client, $"/bodies/{body}/import", new Dictionary<string, string>());

        Assert.Contains("Импорттау үшін файл таңдаңыз.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Export_DownloadsTheWorkbookAndCsvThatImportBackUnchanged(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        await host.CreateStaffAsync(body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var xlsx = await client.GetAsync($"/bodies/{body}/export?handler=Xlsx");
        var workbook = await xlsx.Content.ReadAsByteArrayAsync();
        var csv = await client.GetAsync($"/bodies/{body}/export?handler=Csv&kind=servants");
        var text = await csv.Content.ReadAsStringAsync();
        var reimport = WebUtility.HtmlDecode(await (await UploadAsync(client, $"/bodies/{body}/import", ("export.xlsx", workbook))).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", Encoding.ASCII.GetString(workbook, 0, 2));
        Assert.Contains("attachment", xlsx.Content.Headers.ContentDisposition!.ToString());
        Assert.StartsWith("iin,full_name,email,phone,provides_public_services", text.TrimStart('\uFEFF'));
        Assert.Contains(WebTestHost.ValidIin, text);
        Assert.Contains("The file matches the body's data: nothing changed.", reimport);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ImportAndExport_AreForHrOnly(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("evaluator@example.kz", body, BodyRole.Evaluator);
        var client = host.Client();
        await Forms.SignInAsync(client, "evaluator@example.kz");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/bodies/{body}/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/bodies/{body}/export?handler=Xlsx")).StatusCode);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, params (string Name, byte[] Content)[] files)
    {
        var token = await Forms.AntiforgeryTokenAsync(client, page);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return await client.PostAsync(page, form);
    }
}
