using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Evaluation2023;

public class Survey360Tests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] ServantCompetencies =
        ["communication", "ethics", "change-management", "result-orientation", "decision-making", "cooperation", "efficiency", "self-development"];

    private static Dictionary<string, decimal> Ratings(decimal value, decimal ethics) =>
        ServantCompetencies.ToDictionary(c => c, c => c == "ethics" ? ethics : value);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Oskemen360_Round_ThreeAnswersAndSelf_ReportWithoutSelf_LinksSingleUseAndExpiring(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "osk-360", new DateOnly(2020, 1, 1));
        app.Clock.Now = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

        var launched = await app.WithAsync<Survey360Service, Outcome<Survey360Round>>(s => s.LaunchAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", 2024));
        var byServant = await app.WithAsync<Survey360Service, Outcome<Survey360Round>>(s => s.LaunchAsync(body.User("spec1"), body.BodyId, "oskemen-maslikhat", 2025));
        Assert.True(launched.IsSuccess, launched.Refusal?.ToString());
        Assert.Equal("not-allowed", byServant.Refusal?.Code);
        Assert.Equal(new DateOnly(2025, 1, 10), launched.Value!.Due);

        var targets = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<TargetView>>>(s => s.TargetsAsync(body.User("hr"), body.BodyId, launched.Value.Id));
        var spec1 = targets.Value!.Single(t => t.ServantId == body["spec1"]);
        Assert.Equal("servant", spec1.Role);
        Assert.Equal("head", targets.Value!.Single(t => t.ServantId == body["chair"]).Role);
        Assert.Equal(["deputy:supervisor", "spec2:peer"], spec1.Respondents.Select(r => $"{body.Servants.Single(s => s.Value == r.ServantId).Key}:{r.Relation}").Order());

        // Two respondents are too few (clause 35): HR adds a colleague and a fourth respondent.
        var tooFew = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<IssuedLink>>>(s => s.IssueAsync(body.User("hr"), body.BodyId, spec1.Id, spec1.Version, app.Clock.Now.AddDays(3)));
        Assert.Equal("respondent-count", tooFew.Refusal?.Code);
        var added = await app.WithAsync<Survey360Service, Outcome<Survey360Target>>(s => s.AddRespondentAsync(body.User("hr"), body.BodyId, spec1.Id, spec1.Version, body["colleague"], "peer"));
        added = await app.WithAsync<Survey360Service, Outcome<Survey360Target>>(s => s.AddRespondentAsync(body.User("hr"), body.BodyId, spec1.Id, added.Value!.Version, body["head"], "peer"));
        Assert.True(added.IsSuccess, added.Refusal?.ToString());
        var links = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<IssuedLink>>>(s => s.IssueAsync(body.User("hr"), body.BodyId, spec1.Id, added.Value!.Version, app.Clock.Now.AddDays(3)));
        Assert.True(links.IsSuccess, links.Refusal?.ToString());
        Assert.Equal(5, links.Value!.Count);

        string Token(string who) => links.Value.Single(l => l.RespondentId == body[who]).Token;
        Task<Outcome<bool>> Answer(string token, Dictionary<string, decimal> ratings) =>
            app.WithAsync<Survey360Service, Outcome<bool>>(s => s.AnswerAsync(token, ratings));
        Task<Outcome<Report360>> Report(string user) =>
            app.WithAsync<Survey360Service, Outcome<Report360>>(s => s.ReportAsync(body.User(user), body.BodyId, spec1.Id));

        var form = await app.WithAsync<Survey360Service, Outcome<LinkForm>>(s => s.LinkFormAsync(Token("deputy")));
        Assert.Equal(8, form.Value!.Competencies.Count);
        Assert.True((await Answer(Token("deputy"), Ratings(4, 2))).IsSuccess);
        Assert.True((await Answer(Token("spec1"), Ratings(5, 5))).IsSuccess);
        Assert.Equal("insufficient-respondents", (await Report("hr")).Value!.Status);
        Assert.Equal("rating-out-of-range", (await Answer(Token("spec2"), Ratings(6, 3))).Refusal?.Code);
        Assert.True((await Answer(Token("spec2"), Ratings(4, 3))).IsSuccess);
        Assert.Equal("link-used", (await Answer(Token("spec2"), Ratings(1, 1))).Refusal?.Code);
        Assert.True((await Answer(Token("colleague"), Ratings(3, 4))).IsSuccess);

        var report = await Report("spec1");
        Assert.Equal(("complete", 3), (report.Value!.Status, report.Value.Respondents));
        Assert.Equal(3.00m, report.Value.Competencies.Single(c => c.Id == "ethics").Average);
        Assert.Equal(5m, report.Value.Competencies.Single(c => c.Id == "ethics").Self);
        Assert.Equal(["ethics"], report.Value.Weakest);
        Assert.Equal("not-found", (await Report("spec2")).Refusal?.Code);

        var needs = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<TrainingNeed>>>(s => s.TrainingNeedsAsync(body.User("hr"), body.BodyId, launched.Value.Id));
        Assert.Equal("ethics", needs.Value![0].CompetencyId);

        // The fourth respondent's link after it expired.
        app.Clock.Now = app.Clock.Now.AddDays(4);
        Assert.Equal("link-expired", (await Answer(Token("head"), Ratings(4, 4))).Refusal?.Code);
        Assert.Equal("link-invalid", (await Answer("not-a-token", Ratings(4, 4))).Refusal?.Code);

        // Nothing ties an answer to a person: no such column, no audit entry.
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var columns = db.Model.FindEntityType(typeof(Survey360Reply))!.GetProperties().Select(p => p.Name).Order().ToList();
            Assert.Equal(["AnsweredOn", "Id", "IsSelf", "TargetId"], columns);
            Assert.False(await db.AuditRecords.AnyAsync(r => r.Entity == nameof(Survey360Reply) || r.Entity == nameof(Survey360Rating)));
            Assert.Equal(4, await db.Survey360Replies.CountAsync());
        });
    }
}
