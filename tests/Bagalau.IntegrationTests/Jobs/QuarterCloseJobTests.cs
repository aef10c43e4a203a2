using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Jobs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bagalau.IntegrationTests.Evaluation2023.QuarterlyEvaluationTests;

namespace Bagalau.IntegrationTests.Jobs;

/// <summary>
/// The quarter-close job (docs/adr/0012): the daily check closes every body's quarter
/// once its evaluation deadline has passed, body by body, and records its run only when every
/// due body is closed; whatever stops it half-way leaves each body closed or untouched.
/// </summary>
public class QuarterCloseJobTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>02:00 on 20 July 2026 in Kazakhstan: the nhrc Q2 deadline day itself (nhrc 4: the 20th).</summary>
    private static readonly DateTimeOffset OnTheDeadline = new(2026, 7, 19, 21, 0, 0, TimeSpan.Zero);

    /// <summary>02:00 on 21 July 2026 in Kazakhstan: the first day after the deadline.</summary>
    private static readonly DateTimeOffset DayAfter = OnTheDeadline.AddDays(1);

    /// <summary>An nhrc body with Q2 2026 scheduled, approved, and spec1's sheet signed (fours).</summary>
    private static async Task<(Body2023 Body, Guid RoundId)> NhrcBodyAsync(TestApp app, string code)
    {
        var body = await Body2023.CreateAsync(app, code, new DateOnly(2020, 1, 1));
        SetToday(app, 2026, 7, 1);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "nhrc", "2026-Q2", new DateOnly(2026, 7, 10)));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        Assert.Equal(new DateOnly(2026, 7, 20), approved.Value!.Round.Due);
        SetToday(app, 2026, 7, 10);
        var submitted = await SubmitAsync(app, body, "head", await SheetOfAsync(app, body["spec1"], approved.Value.Round.Id), NonLeaderFours);
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        return (body, approved.Value.Round.Id);
    }

    private static Task<JobRunOutcome> FireAsync(TestApp app, DateTimeOffset fire, CancellationToken ct = default) =>
        QuarterCloseJob.FireAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), fire, ct);

    private static Task<QuarterRound> RoundAsync(TestApp app, Guid roundId) =>
        app.WithAsync<BagalauDbContext, QuarterRound>(db => db.QuarterRounds.AsNoTracking().SingleAsync(r => r.Id == roundId));

    private static Task<int> AnnualsAsync(TestApp app, Guid bodyId) =>
        app.WithAsync<BagalauDbContext, int>(db => db.AnnualResults.CountAsync(a => a.StateBodyId == bodyId));

    private static Task<List<JobRun>> RunsAsync(TestApp app) =>
        app.WithAsync<BagalauDbContext, List<JobRun>>(db => db.JobRuns.AsNoTracking().Where(r => r.Job == QuarterCloseJob.Name).ToListAsync());

    /// <summary>Sets one score of a servant's signed sheet straight in the database (data the engine refuses, then repaired).</summary>
    private static Task SetScoreAsync(TestApp app, Guid servantId, Guid roundId, string parameter, decimal score) =>
        app.WithAsync<BagalauDbContext>(async db =>
        {
            var sheetId = await db.RatingSheets.Where(s => s.ServantId == servantId && s.RoundId == roundId).Select(s => s.Id).SingleAsync();
            var scoreId = await db.RatingSheets.Where(s => s.Id == sheetId)
                .SelectMany(s => s.Scores.Where(x => x.ParameterId == parameter).Select(x => EF.Property<int>(x, "Id")))
                .SingleAsync();
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"SheetScores\" SET \"Score\" = {score} WHERE \"Id\" = {scoreId}"));
        });

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Job_OnTheEvaluationDeadlineDay_ClosesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, roundId) = await NhrcBodyAsync(app, "qcj-early");

        var outcome = await FireAsync(app, OnTheDeadline);

        Assert.Equal((true, true, "rounds due 0, closed 0 (sheets 0, annual results 0, acquaintances 0), left undone 0"), (outcome.Ran, outcome.Complete, outcome.Summary));
        Assert.Equal(RoundState.Approved, (await RoundAsync(app, roundId)).State);
        Assert.Equal(0, await AnnualsAsync(app, body.BodyId));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Job_AfterTheDeadline_ClosesEveryBodysQuarter_AndFiringAgainChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { [JobOptions.NodeNameKey] = "node-test" });
        var (first, firstRound) = await NhrcBodyAsync(app, "qcj-a");
        var (second, secondRound) = await NhrcBodyAsync(app, "qcj-b");

        var outcome = await FireAsync(app, DayAfter);

        Assert.Equal((true, true, "rounds due 2, closed 2 (sheets 20, annual results 2, acquaintances 0), left undone 0"), (outcome.Ran, outcome.Complete, outcome.Summary));
        foreach (var (bodyId, roundId) in new[] { (first.BodyId, firstRound), (second.BodyId, secondRound) })
        {
            var round = await RoundAsync(app, roundId);
            Assert.Equal((RoundState.Closed, (DateOnly?)new DateOnly(2026, 7, 21), "quarter-close job"), (round.State, round.ClosedOn, round.ClosedBy));
            Assert.Equal(1, await AnnualsAsync(app, bodyId));
        }

        var run = Assert.Single(await RunsAsync(app));
        Assert.Equal((DayAfter.UtcDateTime, "node-test"), (run.FireTimeUtc, run.Node));
        var audit = await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync(a => a.Entity != nameof(JobRun)));

        var sameFiring = await FireAsync(app, DayAfter);
        var nextDay = await FireAsync(app, DayAfter.AddDays(1));

        Assert.Equal((false, "already done"), (sameFiring.Ran, sameFiring.Summary));
        Assert.Equal((true, true, "rounds due 0, closed 0 (sheets 0, annual results 0, acquaintances 0), left undone 0"), (nextDay.Ran, nextDay.Complete, nextDay.Summary));
        Assert.Equal(audit, await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync(a => a.Entity != nameof(JobRun))));
        Assert.Equal(new DateOnly(2026, 7, 21), (await RoundAsync(app, firstRound)).ClosedOn);
        Assert.Equal(2, (await RunsAsync(app)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Job_WhenOneBodyFails_LeavesItUntouched_RecordsNoRun_AndTheNextFiringClosesIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (good, goodRound) = await NhrcBodyAsync(app, "qcj-good");
        var (bad, badRound) = await NhrcBodyAsync(app, "qcj-bad");
        await SetScoreAsync(app, bad["spec1"], badRound, "quality", 9);

        var failed = await FireAsync(app, DayAfter);

        Assert.Equal((true, false, "rounds due 2, closed 1 (sheets 10, annual results 1, acquaintances 0), left undone 1"), (failed.Ran, failed.Complete, failed.Summary));
        Assert.Equal(RoundState.Closed, (await RoundAsync(app, goodRound)).State);
        Assert.Equal(1, await AnnualsAsync(app, good.BodyId));
        var untouched = await RoundAsync(app, badRound);
        Assert.Equal((RoundState.Approved, (DateOnly?)null), (untouched.State, untouched.ClosedOn));
        Assert.Equal(0, await AnnualsAsync(app, bad.BodyId));
        Assert.Empty(await RunsAsync(app));

        await SetScoreAsync(app, bad["spec1"], badRound, "quality", 4);
        var next = await FireAsync(app, DayAfter.AddDays(1));

        Assert.Equal((true, true, "rounds due 1, closed 1 (sheets 10, annual results 1, acquaintances 0), left undone 0"), (next.Ran, next.Complete, next.Summary));
        Assert.Equal((RoundState.Closed, (DateOnly?)new DateOnly(2026, 7, 22)), ((await RoundAsync(app, badRound)).State, (await RoundAsync(app, badRound)).ClosedOn));
        Assert.Equal(new DateOnly(2026, 7, 21), (await RoundAsync(app, goodRound)).ClosedOn);
        Assert.Equal(1, await AnnualsAsync(app, bad.BodyId));
        Assert.Equal(DayAfter.AddDays(1).UtcDateTime, Assert.Single(await RunsAsync(app)).FireTimeUtc);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Firing_StoppedBetweenBodies_LeavesEachBodyClosedOrUntouched_AndTheRecoveredFiringClosesTheRest(string provider)
    {
        // The test delay pauses the close between bodies; stopping the firing there is what a killed node does.
        await using var app = await TestApp.StartAsync(provider, new() { ["Bagalau:Jobs:TestDelaySeconds"] = "30" });
        var (_, firstRound) = await NhrcBodyAsync(app, "qcj-1");
        var (_, secondRound) = await NhrcBodyAsync(app, "qcj-2");
        using var kill = new CancellationTokenSource();
        var firing = FireAsync(app, DayAfter, kill.Token);
        for (var attempt = 0; attempt < 300 && (await RoundAsync(app, firstRound)).State != RoundState.Closed; attempt++)
        {
            await Task.Delay(100);
        }

        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => firing);

        Assert.Equal(RoundState.Closed, (await RoundAsync(app, firstRound)).State);
        Assert.Equal(RoundState.Approved, (await RoundAsync(app, secondRound)).State);
        Assert.Empty(await RunsAsync(app));

        var recovered = await FireAsync(app, DayAfter);

        Assert.Equal((true, true, "rounds due 1, closed 1 (sheets 10, annual results 1, acquaintances 0), left undone 0"), (recovered.Ran, recovered.Complete, recovered.Summary));
        Assert.Equal(new DateOnly(2026, 7, 21), (await RoundAsync(app, secondRound)).ClosedOn);
        Assert.Equal(DayAfter.UtcDateTime, Assert.Single(await RunsAsync(app)).FireTimeUtc);
    }
}
