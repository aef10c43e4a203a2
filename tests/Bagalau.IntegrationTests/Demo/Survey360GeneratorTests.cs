using Bagalau.Application.Demo;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Demo;

public class Survey360GeneratorTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private sealed record Generated(List<GeneratedSurvey> Bodies, Dictionary<string, (int Issued, int Answers, int Self)> ByIin);

    private static async Task<Generated> GenerateAsync(TestApp app, int seed)
    {
        var dataset = new NationalDataset(servants: 240, bodies: 2, seed: 11, year: 2024);
        var bodies = await app.WithAsync<DatasetGenerator, List<GeneratedBodyResult>>(async g => await g.GenerateAsync(dataset).ToListAsync());
        Assert.All(bodies, b => Assert.True(b.Report.Succeeded));
        var surveys = new List<GeneratedSurvey>();
        foreach (var body in bodies)
        {
            var bodyId = await app.WithAsync<BagalauDbContext, Guid>(db => db.StateBodies.Where(b => b.Code == body.Body.Code).Select(b => b.Id).FirstAsync());
            surveys.Add(await app.WithAsync<Survey360Generator, GeneratedSurvey>(g => g.GenerateAsync(bodyId, "oskemen-maslikhat", 2024, seed)));
        }

        var byIin = await app.WithAsync<BagalauDbContext, Dictionary<string, (int, int, int)>>(async db =>
        {
            var targets = await db.Survey360Targets.AsNoTracking().Include(t => t.Invitations).ToListAsync();
            var replies = await db.Survey360Replies.AsNoTracking().ToListAsync();
            var iins = await db.Servants.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Iin);
            return targets.ToDictionary(
                t => iins[t.ServantId],
                t => (t.Issued ? 1 : 0, replies.Count(r => r.TargetId == t.Id), replies.Count(r => r.TargetId == t.Id && r.IsSelf)));
        });
        return new Generated(surveys, byIin);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Generate360_OfAnOskemenYear_IsAValidRound_Anonymous_AndTheSameForTheSameSeed(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var generated = await GenerateAsync(app, seed: 5);

        // One launched round per body, one person per servant in office on the launch day.
        var (rounds, targets, invitations, used, replies, selfReplies) = await app.WithAsync<BagalauDbContext, (int, int, int, int, int, int)>(async db => (
            await db.Survey360Rounds.CountAsync(), await db.Survey360Targets.CountAsync(), await db.Set<Survey360Invitation>().CountAsync(i => i.TokenHash != string.Empty),
            await db.Set<Survey360Invitation>().CountAsync(i => i.Used), await db.Survey360Replies.CountAsync(), await db.Survey360Replies.CountAsync(r => r.IsSelf)));
        var total = generated.Bodies.Aggregate((a, b) => new GeneratedSurvey(a.Targets + b.Targets, a.Issued + b.Issued, a.Invitations + b.Invitations, a.Answers + b.Answers, a.SelfAnswers + b.SelfAnswers, [.. a.OpenLinks, .. b.OpenLinks]));
        Assert.Equal(2, rounds);
        Assert.Equal(total.Targets, targets);
        Assert.InRange(total.Targets, 200, 240);
        Assert.InRange(total.Issued, total.Targets / 2, total.Targets);
        Assert.Equal(total.Invitations, invitations);

        // Most links answered (self-assessments too), each answer spent exactly one link, the rest open.
        Assert.Equal(total.Answers, replies);
        Assert.Equal(total.Answers, used);
        Assert.Equal(total.SelfAnswers, selfReplies);
        Assert.InRange(total.SelfAnswers, 1, total.Issued);
        Assert.InRange((double)total.Answers / total.Invitations, 0.65, 0.85);
        Assert.Equal(total.Invitations - total.Answers, total.OpenLinks.Count);

        // Reports are computable for every person with links, complete from three others' answers.
        var (complete, refused) = await app.WithAsync<BagalauDbContext, (int, int)>(async db =>
        {
            var catalogue = app.Services.GetRequiredService<PackCatalog>().Catalogue;
            var round = await db.Survey360Rounds.AsNoTracking().FirstAsync();
            var version = round.VersionIn(catalogue.Find(round.PackId)!);
            var answers = (await db.Survey360Replies.AsNoTracking().Include(r => r.Ratings).ToListAsync()).ToLookup(r => r.TargetId);
            var issued = await db.Survey360Targets.AsNoTracking().Where(t => t.Issued).ToListAsync();
            var decided = issued.Select(t => (Others: answers[t.Id].Count(a => !a.IsSelf), Decision: Survey360Decision.Decide(version, t.Role, [.. answers[t.Id].Select(a => a.ToResponse())]))).ToList();
            return (decided.Count(d => d.Decision.Answer is { Status: "complete" } && d.Others >= 3), decided.Count(d => d.Decision.IsRefused || (d.Others >= 3) != (d.Decision.Answer!.Status == "complete")));
        });
        Assert.Equal(0, refused);
        Assert.True(complete > total.Issued / 3, $"{complete} complete reports of {total.Issued}");

        // Anonymity: an answer holds no respondent, link or time, and no audit record names it.
        var model = await app.WithAsync<BagalauDbContext, string[]>(db =>
            Task.FromResult(db.Model.FindEntityType(typeof(Survey360Reply))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray()));
        Assert.Equal(["AnsweredOn", "Id", "IsSelf", "TargetId"], model);
        var (auditedAnswers, days) = await app.WithAsync<BagalauDbContext, (int, List<DateOnly>)>(async db => (
            await db.AuditRecords.CountAsync(a => a.Entity.StartsWith("Survey360Repl") || a.Entity.StartsWith("Survey360Rating")),
            await db.Survey360Replies.Select(r => r.AnsweredOn).Distinct().ToListAsync()));
        Assert.Equal(0, auditedAnswers);
        Assert.All(days, d => Assert.InRange(d, new DateOnly(2024, 12, 1), new DateOnly(2025, 1, 10)));

        // An open link left for the bench answers once.
        var link = total.OpenLinks[0];
        Assert.True((await app.WithAsync<Survey360Service, Outcome<bool>>(s => s.AnswerAsync(link.Token, link.Ratings))).IsSuccess);
        Assert.Equal("link-used", (await app.WithAsync<Survey360Service, Outcome<bool>>(s => s.AnswerAsync(link.Token, link.Ratings))).Refusal?.Code);

        // The same seed gives the same people, links and answers in another database; another seed differs.
        await using var again = await TestApp.StartAsync(provider);
        Assert.Equal(generated.ByIin, (await GenerateAsync(again, seed: 5)).ByIin);
        await using var other = await TestApp.StartAsync(provider);
        Assert.NotEqual(generated.ByIin, (await GenerateAsync(other, seed: 6)).ByIin);
    }
}
