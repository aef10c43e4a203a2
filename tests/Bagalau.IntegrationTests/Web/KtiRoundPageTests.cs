using System.Net;
using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>oskemen 3: the round page lists the head of the apparatus as evaluated by KTI, with the plan's link.</summary>
public class KtiRoundPageTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RoundPage_ListsTheHeadOfApparatusAsEvaluatedByKtiClause3_WithTheLinkToThePlan(string provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 4, 3, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Bagalau:SignInRateLimit:PermitLimit"] = "100" }, clock);
        var body = await Body2023.CreateAsync(host.Services, "kti-web", new DateOnly(2020, 1, 1));
        Guid roundId, planId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            var hrUser = await users.FindByIdAsync(body.User("hr"));
            Assert.True((await users.AddPasswordAsync(hrUser!, WebTestHost.Password)).Succeeded);
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            var centre = await db.StructuralUnits.SingleAsync(u => u.StateBodyId == body.BodyId && u.Code == "centre");
            var position = Position.Create(body.BodyId, "p-apparatus", "Мәслихат аппаратының басшысы", null, null, centre.Id, "E-2", PositionQualifier.None).Value;
            var apparatus = Servant.Create(body.BodyId, Body2023.NextIin(), "Аппарат басшысы", null, null, false).Value;
            apparatus.Appoint(position.Id, new DateOnly(2020, 1, 1), null);
            db.Positions.Add(position);
            db.Servants.Add(apparatus);
            await db.SaveChangesAsync();

            var quarters = scope.ServiceProvider.GetRequiredService<QuarterRoundService>();
            var scheduled = await quarters.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", "2024-Q2", new DateOnly(2024, 7, 5));
            var approved = await quarters.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version);
            Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
            roundId = scheduled.Value.Id;
            var opened = await scope.ServiceProvider.GetRequiredService<KtiPlanService>().OpenAsync(body.User("hr"), body.BodyId, roundId, apparatus.Id, body["chair"]);
            Assert.True(opened.IsSuccess, opened.Refusal?.ToString());
            planId = opened.Value!.Id;
        }

        var hr = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(hr, "hr.kti-web@bagalau.example")).StatusCode);
        var html = await hr.GetStringAsync($"/bodies/{body.BodyId}/quarters/rounds/{roundId}");

        Assert.Contains("data-test=\"kti-evaluated-row\" data-servant=\"Аппарат басшысы\"", html, StringComparison.Ordinal);
        Assert.Contains("ТНИ бойынша бағаланады (3-тармақ)", html, StringComparison.Ordinal);
        Assert.Contains($"/bodies/{body.BodyId}/kti/plans/{planId}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-test=\"sheet-row\" data-servant=\"Аппарат басшысы\"", html, StringComparison.Ordinal);
    }
}
