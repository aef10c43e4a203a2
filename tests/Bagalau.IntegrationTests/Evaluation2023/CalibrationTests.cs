using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using static Bagalau.IntegrationTests.Evaluation2023.QuarterlyEvaluationTests;

namespace Bagalau.IntegrationTests.Evaluation2023;

public class CalibrationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly SheetScoreInput[] Threes =
    [
        new("quality", 3, null), new("timeliness", 3, null), new("initiative", 3, null), new("discipline", 4, null), new("no-sanctions", 4, null),
    ];

    /// <summary>spec1's Q2 2026 sheet submitted by the department head (3.40, proper) on Friday 10.07 and acknowledged on Monday 13.07.2026.</summary>
    private static async Task<(Body2023 Body, RatingSheet Sheet)> AcknowledgedAsync(TestApp app)
    {
        var (body, round) = await NhrcQuarterAsync(app);
        SetToday(app, 2026, 7, 10);
        var submitted = await SubmitAsync(app, body, "head", await SheetOfAsync(app, body["spec1"], round.Round.Id), Threes);
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        SetToday(app, 2026, 7, 13);
        var acknowledged = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.AcknowledgeAsync(body.User("spec1"), body.BodyId, submitted.Value!.Id));
        Assert.True(acknowledged.IsSuccess, acknowledged.Refusal?.ToString());
        return (body, acknowledged.Value!);
    }

    private static Task<Outcome<CalibrationCase>> ApplyAsync(TestApp app, Body2023 body, RatingSheet sheet) =>
        app.WithAsync<CalibrationService, Outcome<CalibrationCase>>(s => s.ApplyAsync(body.User("spec1"), body.BodyId, sheet.Id, "Бағаммен келіспеймін: тоқсанда барлық тапсырма мерзімінде орындалды"));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Application_OnTheSixthWorkingDay_IsRefusedWithClause10(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, sheet) = await AcknowledgedAsync(app);
        SetToday(app, 2026, 7, 21);

        var late = await ApplyAsync(app, body, sheet);

        Assert.Equal("deadline-passed", late.Refusal?.Code);
        Assert.Contains("пункт 10", late.Refusal!.Message.Ru, StringComparison.Ordinal);
        Assert.Contains("20.07.2026", late.Refusal.Message.Kk, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Calibration_RaisesTheScore_ThenProtocolAndFeedback(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, sheet) = await AcknowledgedAsync(app);
        SetToday(app, 2026, 7, 20);
        var applied = await ApplyAsync(app, body, sheet);
        Assert.True(applied.IsSuccess, applied.Refusal?.ToString());
        var id = applied.Value!.Id;
        SetToday(app, 2026, 7, 22);

        async Task<Outcome<CalibrationCase>> Convene(string user, params string[] members) =>
            await app.WithAsync<CalibrationService, Outcome<CalibrationCase>>(s => s.ConveneAsync(body.User(user), body.BodyId, id, applied.Value.Version, members.Select(m => body[m]).ToList()));

        var byHr = await Convene("hr", "hr", "colleague", "deputy");
        var even = await Convene("authorized", "hr", "colleague");
        var withEvaluator = await Convene("authorized", "hr", "colleague", "head");
        var withoutHr = await Convene("authorized", "colleague", "deputy", "chair");
        var notEvaluator = await Convene("authorized", "hr", "colleague", "deputy");
        var convened = await Convene("authorized", "hr", "chair", "deputy");

        Assert.Equal("not-found", byHr.Refusal?.Code); // an HR officer outside the case cannot reach it (nhrc 13)
        Assert.Contains("the number of members must be odd", even.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.Contains("the person who evaluated the applicant cannot be a member", withEvaluator.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.Contains("an HR employee must be a member", withoutHr.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.Contains("members are evaluators and an HR employee", notEvaluator.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.True(convened.IsSuccess, convened.Refusal?.ToString());

        // A member can now open the result; another colleague still cannot.
        var memberView = await app.WithAsync<RatingSheetService, Outcome<SheetView>>(s => s.GetSheetAsync(body.User("deputy"), body.BodyId, sheet.Id));
        var outsider = await app.WithAsync<RatingSheetService, Outcome<SheetView>>(s => s.GetSheetAsync(body.User("spec2"), body.BodyId, sheet.Id));
        Assert.True(memberView.IsSuccess);
        Assert.Equal("not-found", outsider.Refusal?.Code);

        SetToday(app, 2026, 7, 28);
        var session = new CalibrationSessionInput(
            "Тоқсандық жоспар толық орындалмады", "written", "Барлық тапсырма мерзімінде", "Бағаны көтеру негізді", 4.1m,
            [new(body["hr"], "for", "Құжаттар расталды"), new(body["chair"], "for", null), new(body["deputy"], "against", "Жоспар орындалмады")]);
        var decided = await app.WithAsync<CalibrationService, Outcome<CalibrationCase>>(s => s.DecideAsync(body.User("hr"), body.BodyId, id, convened.Value!.Version, session));
        Assert.True(decided.IsSuccess, decided.Refusal?.ToString());
        var again = await app.WithAsync<CalibrationService, Outcome<CalibrationCase>>(s => s.DecideAsync(body.User("hr"), body.BodyId, id, decided.Value!.Version, session with { ProposedScore = 5 }));
        SetToday(app, 2026, 7, 30);
        var posted = await app.WithAsync<CalibrationService, Outcome<CalibrationCase>>(s => s.PostProtocolAsync(body.User("hr"), body.BodyId, id, decided.Value!.Version));
        var feedback = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.FeedbackAsync(
            body.User("head"), body.BodyId, sheet.Id, "Жоспар орындалды", "Талдау дағдысы өсті", "Бөлім басшысы лауазымына дайын"));
        var view = await app.WithAsync<RatingSheetService, Outcome<SheetView>>(s => s.GetSheetAsync(body.User("spec1"), body.BodyId, sheet.Id));

        Assert.Equal(("changed", 4.1m, "effective", "22"), (decided.Value!.Outcome, decided.Value.FinalScore, decided.Value.FinalGrade, decided.Value.OutcomeClause));
        Assert.Equal("calibration-session-closed", again.Refusal?.Code);
        Assert.True(posted.IsSuccess, posted.Refusal?.ToString());
        Assert.Equal((new DateOnly(2026, 7, 31), "22", false), (posted.Value!.ProtocolDue, posted.Value.ProtocolClause, posted.Value.IsProtocolLate));
        Assert.True(feedback.IsSuccess, feedback.Refusal?.ToString());
        Assert.Equal((3.40m, 4.10m, "effective"), (view.Value!.Sheet.Score, view.Value.Sheet.FinalScore, view.Value.Sheet.FinalGrade));
        Assert.Equal("Бөлім басшысы лауазымына дайын", view.Value.Sheet.FeedbackPotential);
        Assert.Equal(CalibrationState.ProtocolPosted, view.Value.Calibration!.State);
    }
}
