using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Evaluation2023;

/// <summary>360 answers that arrive together are written together, each link still spent once.</summary>
public class Survey360AnswerQueueTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Dictionary<string, decimal> Ratings = new[]
        { "communication", "ethics", "change-management", "result-orientation", "decision-making", "cooperation", "efficiency", "self-development" }
        .ToDictionary(c => c, _ => 4m);

    /// <summary>spec1's five links of the oskemen 2024 round: deputy, spec1 (self), spec2, colleague, head.</summary>
    private static async Task<IReadOnlyList<IssuedLink>> LinksAsync(TestApp app)
    {
        var body = await Body2023.CreateAsync(app, "osk-q360", new DateOnly(2020, 1, 1));
        app.Clock.Now = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var round = await app.WithAsync<Survey360Service, Outcome<Survey360Round>>(s => s.LaunchAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", 2024));
        var targets = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<TargetView>>>(s => s.TargetsAsync(body.User("hr"), body.BodyId, round.Value!.Id));
        var spec1 = targets.Value!.Single(t => t.ServantId == body["spec1"]);
        var added = await app.WithAsync<Survey360Service, Outcome<Survey360Target>>(s => s.AddRespondentAsync(body.User("hr"), body.BodyId, spec1.Id, spec1.Version, body["colleague"], "peer"));
        added = await app.WithAsync<Survey360Service, Outcome<Survey360Target>>(s => s.AddRespondentAsync(body.User("hr"), body.BodyId, spec1.Id, added.Value!.Version, body["head"], "peer"));
        var links = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<IssuedLink>>>(s => s.IssueAsync(body.User("hr"), body.BodyId, spec1.Id, added.Value!.Version, app.Clock.Now.AddDays(3)));
        Assert.True(links.IsSuccess, links.Refusal?.ToString());
        return links.Value!;
    }

    private static Task<Outcome<bool>> AnswerAsync(TestApp app, string token) =>
        app.WithAsync<Survey360Service, Outcome<bool>>(s => s.AnswerAsync(token, Ratings));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Answers_SentAtOnce_WithOneLinkSentFourTimes_StoreEachLinkOnce_AndRefuseTheRepeats(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var links = await LinksAsync(app);
        var tokens = links.Select(l => l.Token).Concat(Enumerable.Repeat(links[0].Token, 3)).ToList();

        var results = await Task.WhenAll(tokens.Select(t => Task.Run(() => AnswerAsync(app, t))));

        Assert.Equal(5, results.Count(r => r.IsSuccess));
        Assert.Equal(["link-used", "link-used", "link-used"], results.Where(r => !r.IsSuccess).Select(r => r.Refusal!.Code));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            Assert.Equal(5, await db.Survey360Replies.CountAsync());
            Assert.Equal(5, await db.Set<Survey360Invitation>().CountAsync(i => i.Used));
            Assert.Equal(1, await db.Survey360Replies.CountAsync(r => r.IsSelf));
        });
        Assert.Equal(5L, app.Services.GetRequiredService<Survey360AnswerQueue>().Answers);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAnswersRatings_AreStoredUnderTheAnswerAndCompetency_WithNoIdOfTheirOwn(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var links = await LinksAsync(app);

        var answered = await AnswerAsync(app, links[0].Token);

        Assert.True(answered.IsSuccess);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            // One index page per answer rather than one random page per rating (docs/benchmarks.md).
            var key = db.Model.FindEntityType(typeof(Survey360Rating))!.FindPrimaryKey()!;
            Assert.Equal(["AnswerId", "CompetencyId"], key.Properties.Select(p => p.Name));
            var stored = await db.Survey360Replies.AsNoTracking().Include(r => r.Ratings).SingleAsync();
            Assert.Equal(Ratings.Keys.Order(), stored.Ratings.Select(r => r.CompetencyId).Order());
        });
    }

    [Fact]
    public async Task Answers_ArrivingWhileABatchIsWritten_AreAllWrittenInTheNextBatch()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var links = await LinksAsync(app);
        var queue = app.Services.GetRequiredService<Survey360AnswerQueue>();

        // Another connection holds SQLite's write lock: the first answer's batch waits for it,
        // and the four answers sent meanwhile queue behind that batch.
        await using var blocker = await HoldingTheWriteLockAsync(app);

        var first = Task.Run(() => AnswerAsync(app, links[0].Token));
        await WaitUntilAsync(() => queue.Writing && queue.Waiting == 0, "the first answer's batch to start");
        var rest = links.Skip(1).Select(l => Task.Run(() => AnswerAsync(app, l.Token))).ToList();
        await WaitUntilAsync(() => queue.Waiting == 4, "four answers to queue");
        await ExecuteAsync(blocker, "COMMIT");

        var results = await Task.WhenAll(rest.Prepend(first));
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Refusal?.ToString()));
        Assert.Equal((2L, 5L), (queue.Batches, queue.Answers));
    }

    [Fact]
    public async Task ABatch_WhoseLinkAnotherNodeSpentAfterItWasRead_IsRefusedAsUsed_AndStoresNoAnswer()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var links = await LinksAsync(app);
        var queue = app.Services.GetRequiredService<Survey360AnswerQueue>();

        // "Another node" holds SQLite's write lock: the batch reads the link (unused), then waits
        // to save; meanwhile that node spends the same link and commits.
        await using var otherNode = await HoldingTheWriteLockAsync(app);

        var answer = Task.Run(() => AnswerAsync(app, links[0].Token));
        await WaitUntilAsync(() => queue.Writing, "the batch to start");
        await Task.Delay(500); // the batch has read its link and waits for the lock
        await using (var spend = otherNode.CreateCommand())
        {
            spend.CommandText = """UPDATE "Survey360Invitation" SET "Used" = 1, "Version" = "Version" + 1 WHERE "TokenHash" = $hash""";
            spend.Parameters.AddWithValue("$hash", LinkToken.Hash(links[0].Token));
            Assert.Equal(1, await spend.ExecuteNonQueryAsync());
        }

        await ExecuteAsync(otherNode, "COMMIT");

        var result = await answer;

        Assert.Equal("link-used", result.Refusal?.Code);
        Assert.Equal(0L, queue.Answers);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            Assert.Equal(0, await db.Survey360Replies.CountAsync());
            Assert.Equal(1, await db.Set<Survey360Invitation>().CountAsync(i => i.Used));
        });
        Assert.True((await AnswerAsync(app, links[1].Token)).IsSuccess);
    }

    /// <summary>Another connection that holds SQLite's write lock until it commits.</summary>
    private static async Task<SqliteConnection> HoldingTheWriteLockAsync(TestApp app)
    {
        var connection = new SqliteConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "BEGIN IMMEDIATE");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), $"timed out waiting for {what}");
    }
}
