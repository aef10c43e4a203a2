using System.Net;
using System.Net.Http.Json;
using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Bagalau.IntegrationTests.Web.ApiOrganisationTests;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The People page's API: the administrator lists, gives and takes roles; bad input is refused in the request's language and writes nothing.</summary>
public class ApiMemberTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Administrator_GivesANewAccountARole_LinkedByIin_ListsIt_AndTakesItAway_BadInputWritesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("members-api");
        var (_, _, servant) = await host.CreateStaffAsync(body);
        await host.CreateMemberAsync("admin@example.kz", body, BodyRole.Administrator);
        await host.CreateMemberAsync("hr@example.kz", body, BodyRole.Hr);
        var admin = await BearerAsync(host, "admin@example.kz", language: "en");
        var members = $"/api/v1/bodies/{body}/members";
        var usersBefore = await host.WithAsync<BagalauDbContext, int>(db => db.Users.CountAsync());

        var unknownRole = await admin.PostAsJsonAsync(members, new { email = "new@example.kz", role = "king", password = "Strong-pass-1" });
        var weak = await admin.PostAsJsonAsync(members, new { email = "new@example.kz", role = "servant", password = "short" });
        var unknownIin = await admin.PostAsJsonAsync(members, new { email = "new@example.kz", role = "servant", servantIin = "000000000000", password = "Strong-pass-1" });
        var usersAfterRefusals = await host.WithAsync<BagalauDbContext, int>(db => db.Users.CountAsync());
        var granted = await admin.PostAsJsonAsync(members, new { email = "new@example.kz", role = "servant", servantIin = WebTestHost.ValidIin, password = "Strong-pass-1", language = "ru" });
        var evaluator = await admin.PostAsJsonAsync(members, new { email = "new@example.kz", role = "evaluator" });
        var listed = await Json(await admin.GetAsync(members));

        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Equal("value-unknown", (await Json(unknownRole)).GetProperty("code").GetString());
        Assert.Equal("password-weak", (await Json(weak)).GetProperty("code").GetString());
        var iinProblem = await Json(unknownIin);
        Assert.Equal("member-servant-unknown", iinProblem.GetProperty("code").GetString());
        Assert.Equal("No servant of this body has IIN '000000000000'.", iinProblem.GetProperty("errors").GetProperty("servantIin")[0].GetString());
        Assert.Equal(usersBefore, usersAfterRefusals);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var newcomer = await Json(evaluator);
        Assert.Equal(["servant", "evaluator"], newcomer.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(servant, newcomer.GetProperty("servantId").GetGuid());
        Assert.Equal(["admin@example.kz", "hr@example.kz", "new@example.kz"], listed.EnumerateArray().Select(m => m.GetProperty("email").GetString()));

        var userId = newcomer.GetProperty("userId").GetString();
        var adminId = listed.EnumerateArray().First(m => m.GetProperty("email").GetString() == "admin@example.kz").GetProperty("userId").GetString();
        var revoked = await admin.DeleteAsync($"{members}/{userId}/roles/evaluator");
        var again = await admin.DeleteAsync($"{members}/{userId}/roles/evaluator");
        var own = await admin.DeleteAsync($"{members}/{adminId}/roles/administrator");
        var hr = await BearerAsync(host, "hr@example.kz");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("member-own-administrator", (await Json(own)).GetProperty("code").GetString());
        Assert.Equal(["servant"], (await host.WithAsync<BagalauDbContext, List<BodyRole>>(db => db.BodyMemberships.Where(m => m.UserId == userId).Select(m => m.Role).ToListAsync())).Select(BodyMembership.RoleId));
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync(members)).StatusCode);
    }
}
