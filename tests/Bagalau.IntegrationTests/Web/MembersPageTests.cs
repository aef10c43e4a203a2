using System.Net;
using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The body's people and roles page: the administrator gives and removes roles, creating accounts linked to servants.</summary>
public class MembersPageTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Administrator_GivesANewPersonARole_LinkedByIin_WhoThenSignsIn_AndRemovesIt_BadInputChangesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("members");
        var (_, _, servant) = await host.CreateStaffAsync(body);
        await host.CreateMemberAsync("admin@example.kz", body, BodyRole.Administrator);
        await host.CreateMemberAsync("hr@example.kz", body, BodyRole.Hr);
        var admin = host.Client();
        await Forms.SignInAsync(admin, "admin@example.kz");
        var page = $"/bodies/{body}/members";
        Dictionary<string, string> Grant(string email, string role, string iin, string password) => new()
        {
            ["Input.Email"] = email, ["Input.Role"] = role, ["Input.ServantIin"] = iin, ["Input.Password"] = password, ["Input.Language"] = "ru",
        };

        var noEmail = await Forms.PostAsync(admin, page, Grant("", "servant", "", "Strong-pass-1"), page + "?handler=Grant");
        var weak = await Forms.PostAsync(admin, page, Grant("new@example.kz", "servant", WebTestHost.ValidIin, "short"), page + "?handler=Grant");
        var unknownIin = await Forms.PostAsync(admin, page, Grant("new@example.kz", "servant", "000000000000", "Strong-pass-1"), page + "?handler=Grant");
        var granted = await Forms.PostAsync(admin, page, Grant("new@example.kz", "servant", WebTestHost.ValidIin, "Strong-pass-1"), page + "?handler=Grant");
        var alsoEvaluator = await Forms.PostAsync(admin, page, Grant("new@example.kz", "evaluator", "", ""), page + "?handler=Grant");
        var listed = await admin.GetStringAsync(page);

        var noEmailHtml = await noEmail.Content.ReadAsStringAsync();
        Assert.Contains("электрондық пошта мекенжайы жарамсыз", noEmailHtml);
        Assert.DoesNotContain("field is required", noEmailHtml);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Құпиясөз талаптарға сай емес", await weak.Content.ReadAsStringAsync());
        Assert.Contains("ЖСН «000000000000» бар қызметші бұл органда жоқ.", await unknownIin.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, alsoEvaluator.StatusCode);
        Assert.Contains("new@example.kz", listed);
        Assert.Contains("data-test=\"revoke-evaluator\"", listed);

        var newcomer = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(newcomer, "new@example.kz", "Strong-pass-1")).StatusCode);
        Assert.Contains($"/bodies/{body}/servants/{servant}/service-record", await newcomer.GetStringAsync($"/bodies/{body}"));
        var hr = host.Client();
        await Forms.SignInAsync(hr, "hr@example.kz");
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync(page)).StatusCode);

        var userId = await host.WithAsync<BagalauDbContext, string>(db => db.Users.Where(u => u.Email == "new@example.kz").Select(u => u.Id).SingleAsync());
        var adminId = await host.WithAsync<BagalauDbContext, string>(db => db.Users.Where(u => u.Email == "admin@example.kz").Select(u => u.Id).SingleAsync());
        var revoked = await Forms.PostAsync(admin, page, new Dictionary<string, string> { ["userId"] = userId, ["role"] = "evaluator" }, page + "?handler=Revoke");
        var ownAdmin = await Forms.PostAsync(admin, page, new Dictionary<string, string> { ["userId"] = adminId, ["role"] = "administrator" }, page + "?handler=Revoke");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Өзіңіздің әкімші рөліңізді алып тастай алмайсыз", await ownAdmin.Content.ReadAsStringAsync());
        await using var scope = host.Services.CreateAsyncScope();
        var memberships = await scope.ServiceProvider.GetRequiredService<BagalauDbContext>().BodyMemberships
            .Where(m => m.StateBodyId == body && (m.UserId == userId || m.UserId == adminId)).ToListAsync();
        Assert.Equal([(BodyRole.Servant, (Guid?)servant)], memberships.Where(m => m.UserId == userId).Select(m => (m.Role, m.ServantId)));
        Assert.Equal([BodyRole.Administrator], memberships.Where(m => m.UserId == adminId).Select(m => m.Role));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<BagalauDbContext>().Users.CountAsync(u => u.Email == "new@example.kz"));
    }
}
