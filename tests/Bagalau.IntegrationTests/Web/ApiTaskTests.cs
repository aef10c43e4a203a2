using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Accounts;
using Bagalau.Application.Acquaintance;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

public class ApiTaskTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string email)
    {
        var token = await host.Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebTestHost.Password });
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Acknowledge_ThroughTheApi_ByTheServantWorks_OthersGetNotFoundOrForbidden_AndTheTaskIsListedUntilDone(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var bodyId = await host.CreateBodyAsync("api-acq");
        var (_, _, servantId) = await host.CreateStaffAsync(bodyId);
        var servantUser = await host.CreateMemberAsync("servant@example.kz", bodyId, BodyRole.Servant);
        await host.WithAsync<AccountService, Bagalau.Domain.Organisation.Result>(a => a.RevokeAsync(servantUser.Id, bodyId, BodyRole.Servant));
        await host.WithAsync<AccountService, Bagalau.Domain.Organisation.Result>(a => a.GrantAsync(servantUser.Id, bodyId, BodyRole.Servant, servantId));
        await host.CreateMemberAsync("other@example.kz", bodyId, BodyRole.Evaluator);
        var opened = await host.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.OpenAsync(
            bodyId, "mdai", servantId, "evaluation-2018", Guid.NewGuid(), new LocalizedText("тиімді", "эффективно", "effective"), new DateOnly(2022, 12, 22)));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var servant = await SignedInAsync(host, "servant@example.kz");
        var other = await SignedInAsync(host, "other@example.kz");

        var tasks = JsonDocument.Parse(await servant.GetStringAsync("/api/v1/me/tasks")).RootElement;
        var byOther = await other.GetAsync($"/api/v1/acquaintances/{opened.Value!.Id}");
        var otherAck = await other.PostAsJsonAsync($"/api/v1/acquaintances/{opened.Value.Id}/acknowledge", new { version = opened.Value.Version });
        var seen = await servant.GetAsync($"/api/v1/acquaintances/{opened.Value.Id}");
        var ack = await servant.PostAsJsonAsync($"/api/v1/acquaintances/{opened.Value.Id}/acknowledge", new { version = opened.Value.Version });
        var again = await servant.PostAsJsonAsync($"/api/v1/acquaintances/{opened.Value.Id}/acknowledge", new { version = opened.Value.Version });
        var after = JsonDocument.Parse(await servant.GetStringAsync("/api/v1/me/tasks")).RootElement;

        var task = tasks.GetProperty("items")[0];
        Assert.Equal(("acquaint", "39"), (task.GetProperty("kind").GetString(), task.GetProperty("clause").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherAck.StatusCode);
        Assert.Equal("not-allowed", JsonDocument.Parse(await otherAck.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(0, after.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Completion_ForHr_CountsTheCyclesTasksPerUnit_AndAServantIsForbidden(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var bodyId = await host.CreateBodyAsync("api-completion");
        var (unitId, _, servantId) = await host.CreateStaffAsync(bodyId);
        await host.CreateMemberAsync("hr@example.kz", bodyId, BodyRole.Hr);
        await host.CreateMemberAsync("servant@example.kz", bodyId, BodyRole.Servant);
        var cycleId = Guid.NewGuid();
        var opened = await host.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.OpenAsync(
            bodyId, "mdai", servantId, "evaluation-2018", Guid.NewGuid(), new LocalizedText("тиімді", "эффективно", "effective"), new DateOnly(2022, 12, 22), cycleId));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var hr = await SignedInAsync(host, "hr@example.kz");
        var servant = await SignedInAsync(host, "servant@example.kz");

        var completion = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/cycles/{cycleId}/completion")).RootElement;
        var otherCycle = JsonDocument.Parse(await hr.GetStringAsync($"/api/v1/bodies/{bodyId}/cycles/{Guid.NewGuid()}/completion")).RootElement;
        var byServant = await servant.GetAsync($"/api/v1/bodies/{bodyId}/cycles/{cycleId}/completion");
        var badPage = await hr.GetAsync($"/api/v1/bodies/{bodyId}/cycles/{cycleId}/completion?size=1000");

        var unit = completion.GetProperty("units").GetProperty("items")[0];
        Assert.Equal(unitId, unit.GetProperty("unitId").GetGuid());
        Assert.Equal(1, unit.GetProperty("total").GetInt32());
        Assert.Equal(1, completion.GetProperty("open").GetInt32() + completion.GetProperty("overdue").GetInt32());
        Assert.Equal(0, completion.GetProperty("done").GetInt32());
        Assert.Equal(0, otherCycle.GetProperty("units").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, byServant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }
}
