using System.Net;
using System.Text.Json;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// Lists that scale: a page that lists a round's sheets does not grow with the body (no per-row
/// control listing every servant; paged on the server), and the name search folds Kazakh and
/// Russian spellings through the servant picker and the lists.
/// </summary>
public class ListScaleTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const int Budget = 300 * 1024;

    private static async Task<HttpClient> HrAsync(WebTestHost host)
    {
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(client, "hr.api-q23@bagalau.example")).StatusCode);
        return client;
    }

    /// <summary>Adds servants with no appointment: the body grows, the round's sheets do not.</summary>
    private static async Task AddServantsAsync(WebTestHost host, Guid bodyId, int count, int first)
    {
        var serial = first;
        for (var i = 0; i < count; i++)
        {
            var iin = WebTestHost.Iin("850101", 3, serial);
            serial = int.Parse(iin.Substring(7, 4), System.Globalization.CultureInfo.InvariantCulture) + 1;
            var created = await host.WithAsync<OrganisationService, Result<Servant>>(o =>
                o.CreateServantAsync(bodyId, new ServantInput(iin, $"Қосымша Қызметші {first + i:D4}", null, null, false)));
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuarterRoundPage_DoesNotGrowWithTheBody_AndStaysUnderTheBudget(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var bodyId = q.Body.BodyId;
        var page = $"/bodies/{bodyId}/quarters/rounds/{q.RoundId}";
        var hr = await HrAsync(host);

        await AddServantsAsync(host, bodyId, 40, 100);
        var small = await hr.GetStringAsync(page);
        await AddServantsAsync(host, bodyId, 160, 2000);
        var large = await hr.GetStringAsync(page);

        var smallBytes = System.Text.Encoding.UTF8.GetByteCount(small);
        var largeBytes = System.Text.Encoding.UTF8.GetByteCount(large);
        Assert.Contains("data-test=\"sheet-row\"", large, StringComparison.Ordinal);
        Assert.Contains("data-servant-picker", large, StringComparison.Ordinal);
        Assert.DoesNotContain("Қосымша Қызметші", large, StringComparison.Ordinal);
        Assert.True(Math.Abs(largeBytes - smallBytes) < 2048, $"the round page grew from {smallBytes} to {largeBytes} bytes with 160 more servants");
        Assert.True(largeBytes < Budget, $"the round page is {largeBytes} bytes");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Picker_FindsTheKazakhSpelling_FromARussianKeyboard_AndWithoutScriptTheTypedNameIsResolvedOrRefused(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var bodyId = q.Body.BodyId;
        var hr = await HrAsync(host);
        var seitov = await host.WithAsync<OrganisationService, Result<Servant>>(o =>
            o.CreateServantAsync(bodyId, new ServantInput(WebTestHost.Iin("870202", 3, 1), "Сейітов Ерлан Қайратұлы", null, null, false)));
        Assert.True(seitov.IsSuccess);

        var found = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/servants/pick?q=%D0%A1%D0%B5%D0%B8%D1%82%D0%BE%D0%B2")).RootElement; // Сеитов
        var kairat = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/servants/pick?q={Uri.EscapeDataString("каиратулы")}")).RootElement;
        var left = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/servants/pick?q={Uri.EscapeDataString("Сеитов")}&except={seitov.Value.Id}")).RootElement;
        var all = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/servants/pick")).RootElement;
        var stranger = host.Client();
        var anonymous = await stranger.GetAsync($"/api/v1/bodies/{bodyId}/servants/pick?q=a");

        Assert.Equal([seitov.Value.Id], found.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal("Сейітов Ерлан Қайратұлы", found[0].GetProperty("name").GetString());
        Assert.Single(kairat.EnumerateArray());
        Assert.Empty(left.EnumerateArray());
        Assert.InRange(all.GetArrayLength(), 1, ServantDirectory.PickLimit);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        // The round's list searched by name, folded, with the filter kept in the pager's links.
        var spec = await q.SheetSummaryAsync("spec1");
        var specName = spec.GetProperty("servantName").GetString()!;
        var round = $"/bodies/{bodyId}/quarters/rounds/{q.RoundId}";
        var searched = await hr.GetStringAsync($"{round}?q={Uri.EscapeDataString(specName.ToLowerInvariant())}");
        var none = await hr.GetStringAsync($"{round}?q={Uri.EscapeDataString("Жоқадам")}");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(searched, "data-test=\"sheet-row\""));
        Assert.DoesNotContain("data-test=\"sheet-row\"", none, StringComparison.Ordinal);
        Assert.Contains("data-test=\"no-rows\"", none, StringComparison.Ordinal);

        // Without script: the evaluator typed by name is resolved, an unknown name is refused naming the field.
        var sheet = await q.SheetSummaryAsync("spec2");
        var fields = new Dictionary<string, string> { ["sheetId"] = sheet.GetProperty("id").GetString()!, ["version"] = sheet.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), ["servantName"] = "Жоқ Адам" };
        var handler = sheet.GetProperty("evaluatorId").ValueKind == JsonValueKind.Null ? "Evaluator" : "Substitute";
        var refused = await Forms.PostAsync(hr, round, fields, $"{round}?handler={handler}");
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("«бағалаушы» өрісі: «Жоқ Адам» деген қызметші жоқ", refusedHtml, StringComparison.Ordinal);

        // A typed name that one servant bears is passed on to the use case (which may still refuse by its own rules).
        fields["servantName"] = "сеитов ерлан каиратулы";
        var resolved = await Forms.PostAsync(hr, round, fields, $"{round}?handler={handler}");
        Assert.DoesNotContain("деген қызметші жоқ", await resolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("өрісін толтырыңыз", await resolved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
