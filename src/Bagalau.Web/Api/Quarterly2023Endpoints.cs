using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Api;

public sealed record QuarterRoundDto(
    Guid Id, string PackId, string VersionId, int Year, int Quarter, DateOnly EvaluationDate, DateOnly Due, string DueClause, DateOnly? NotifyBy,
    string State, string ScheduledBy, string? ApprovedBy, DateOnly? ApprovedOn, int Sheets, int Submitted, int NotEvaluated, int Version)
{
    public static QuarterRoundDto Of(RoundView v) => new(
        v.Round.Id, v.Round.PackId, v.Round.VersionId, v.Round.Year, v.Round.Quarter, v.Round.EvaluationDate, v.Round.Due, v.Round.DueClause, v.Round.NotifyBy,
        KindIds.Id(v.Round.State), v.Round.ScheduledBy, v.Round.ApprovedBy, v.Round.ApprovedOn, v.Sheets, v.Submitted, v.NotEvaluated, v.Round.Version);
}

public sealed record SheetSummaryDto(
    Guid Id, Guid ServantId, string ServantName, string FormId, string Participation, string EligibilityReason, string EligibilityClause,
    string State, Guid? EvaluatorId, string? EvaluatorName, DateOnly Due, string DueClause, DateOnly? AcquaintedOn, string? NotificationChannel, int Version,
    DateOnly? NotifyBy = null, string? NotifyByClause = null, bool NotifiedLate = false)
{
    public static SheetSummaryDto Of(SheetSummary s) => new(
        s.Id, s.ServantId, s.ServantName, s.FormId, s.Participation, s.EligibilityReason, s.EligibilityClause, KindIds.Id(s.State), s.EvaluatorId, s.EvaluatorName, s.Due, s.DueClause,
        s.AcquaintedOn, s.NotificationChannel, s.Version, s.NotifyBy?.Due, s.NotifyBy?.Clause, s.NotifyBy?.Late ?? false);
}

/// <param name="GuidanceKk">The act's "taken into account" text, Kazakh verbatim.</param>
public sealed record SheetParameterDto(string Id, string Title, string? GuidanceKk, string Clause, decimal? Score, string? Comment);

public sealed record SheetSanctionDto(string Kind, string Title, DateOnly Applied);

/// <summary>A rating sheet as its evaluator, the servant, the head of HR or a calibration member sees it.</summary>
public sealed record RatingSheetDto(
    Guid Id, Guid RoundId, string PackId, int Year, int Quarter, Guid ServantId, string ServantName, Guid? EvaluatorId, string? EvaluatorName,
    string FormId, string? FormTitle, string? FormClause, string Participation, string EligibilityReason, string EligibilityClause, string State,
    DateOnly Due, string DueClause, decimal ScaleMin, decimal ScaleMax, IReadOnlyList<SheetParameterDto> Parameters,
    IReadOnlyList<SheetSanctionDto> SanctionsInQuarter, string? CapRule, decimal? Average, decimal? Score, string? Grade, string? CappedBy, string? CapReason,
    string? ResultClause, DateOnly? SubmittedOn, DateOnly? AcknowledgedOn, DateOnly? NotifiedOn, string? NotificationChannel, decimal? CalibratedScore, decimal? FinalScore, string? FinalGrade, string? FinalGradeTitle,
    string? FeedbackAchievements, string? FeedbackSkills, string? FeedbackPotential, DateOnly? FeedbackOn,
    bool CanFill, bool CanAcknowledge, bool CanRecordFeedback, int Version);

/// <param name="CapReason">When a sanction capped the score: its name in the reader's language, its date, the cap and the clauses.</param>
public sealed record SheetPreviewDto(decimal Average, decimal Score, string Grade, string GradeTitle, string? CappedBy, string? Clause, string? CapReason);

public sealed record QuarterContributionDto(int Quarter, string Status, decimal? Score, decimal? Share);

public sealed record AnnualScoreDto(
    int Year, string PackId, decimal Score, string Grade, string GradeTitle, string? Clause, int QuartersCounted, IReadOnlyList<QuarterContributionDto> Quarters, DateOnly? Due, string? DueClause);

/// <param name="ConfirmLate">Confirms an evaluation day after the quarter's deadline (refused as evaluation-after-deadline otherwise).</param>
public sealed record ScheduleQuarterRequest(string? PackId, string? Quarter, DateOnly? EvaluationDate, bool ConfirmLate = false);

public sealed record SheetScoreItem(string? ParameterId, decimal? Score, string? Comment);

public sealed record SheetScoresRequest(IReadOnlyList<SheetScoreItem>? Scores);

public sealed record SubmitSheetRequest(int Version, IReadOnlyList<SheetScoreItem>? Scores);

public sealed record SheetPersonRequest(int Version, Guid ServantId);

/// <param name="Channel">A NotificationChannel id: registered-letter, sms, email, telegram, phone-message.</param>
/// <param name="Date">The day the servant was notified: between the sheet's submission and today.</param>
public sealed record SheetNotificationRequest(int Version, string? Channel, DateOnly? Date);

public sealed record SheetFeedbackRequest(string? Achievements, string? Skills, string? Potential);

/// <summary>
/// The quarterly evaluation of the 2023 family under /bodies/{bodyId}/quarters: rounds,
/// rating sheets, live preview, submission, delegation and substitution, acknowledgement, feedback,
/// the annual score and the filled rating-sheet documents. Who may do what is decided by the
/// domain (HR schedules, the authorized person approves, the evaluator fills); results are opened
/// only by the servant, the evaluator, the head of HR and calibration members: others get 404.
/// </summary>
public static class Quarterly2023Endpoints
{
    public static void MapQuarterly2023Endpoints(this RouteGroupBuilder body)
    {
        var quarters = body.MapGroup("/quarters").WithTags("quarterly-2023").RequireAuthorization(BodyPolicies.Member);
        quarters.MapGet("/rounds", ListRounds)
            .WithName("ListQuarterRounds")
            .WithSummary("The body's quarter rounds with their progress (sheets, submitted, not evaluated), newest first.");
        quarters.MapPost("/rounds", Schedule)
            .WithName("ScheduleQuarterRound")
            .WithSummary("HR schedules a quarter (packId, quarter like 2026-Q2, evaluationDate); the deadline comes from the engine with its clause.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapGet("/rounds/{roundId:guid}", GetRound)
            .WithName("GetQuarterRound")
            .WithSummary("One round with its progress.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        quarters.MapPost("/rounds/{roundId:guid}/approve", Approve)
            .WithName("ApproveQuarterRound")
            .WithSummary("The authorized person approves the schedule; every servant gets a sheet (form, evaluator) or a not-evaluated record with the reason and clause.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapGet("/rounds/{roundId:guid}/sheets", SheetsOfRound)
            .WithName("ListRoundSheets")
            .WithSummary("HR: who is evaluated and how (participation and reason, form, evaluator, deadline); never the scores.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        quarters.MapGet("/my-sheets", MySheets)
            .WithName("ListMyRatingSheets")
            .WithSummary("Sheets the user fills (as evaluator, substitute or designated servant) and the user's own.");
        quarters.MapGet("/sheets/{sheetId:guid}", GetSheet)
            .WithName("GetRatingSheet")
            .WithSummary("A rating sheet with parameters, the act's guidance (kk verbatim), sanctions in the quarter and the cap rule; confidential (others: 404); the read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        quarters.MapPost("/sheets/{sheetId:guid}/preview", Preview)
            .WithName("PreviewRatingSheet")
            .WithSummary("The evaluator's live result: the engine's average, capped score, grade and clause for the given scores; nothing is saved.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/draft", SaveDraft)
            .WithName("SaveRatingSheetDraft")
            .WithSummary("The evaluator saves the scores and comments typed so far without submitting (any subset of parameters, each 0-5); refused once submitted; a stale version gives 409.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/submit", Submit)
            .WithName("SubmitRatingSheet")
            .WithSummary("The evaluator signs and submits the sheet once (every parameter 0-5, optional comments); a stale version gives 409.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/delegate", Delegate)
            .WithName("DelegateRatingSheet")
            .WithSummary("nhrc 17: an evaluator with more than twenty evaluatees designates a servant to fill this sheet.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/evaluator", AssignEvaluator)
            .WithName("AssignSheetEvaluator")
            .WithSummary("HR names the evaluator of a sheet the organisation gave none.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/substitute", Substitute)
            .WithName("SubstituteSheetEvaluator")
            .WithSummary("nhrc 3: HR names the person acting for an evaluator absent today or on the evaluation day.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/acknowledge", Acknowledge)
            .WithName("AcknowledgeRatingSheet")
            .WithSummary("The evaluated servant acknowledges the result.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        quarters.MapPost("/sheets/{sheetId:guid}/notification", RecordNotification)
            .WithName("RecordSheetNotification")
            .WithSummary("oskemen 11, nhrc 9: HR records how (channel) and when (date) a servant evaluated without participation (dismissed or absent) was notified of the result; once; a stale version gives 409.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapPost("/sheets/{sheetId:guid}/feedback", Feedback)
            .WithName("RecordSheetFeedback")
            .WithSummary("The evaluator records the feedback meeting (achievements, skills and competencies, potential and career aspirations).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        quarters.MapGet("/sheets/{sheetId:guid}/document", Document)
            .WithName("DownloadRatingSheet")
            .WithSummary("The stored sheet as its form (nhrc Appendix 1 leader / 2 non-leader): ?format=docx|pdf&lang=kk|ru.")
            .Produces(StatusCodes.Status200OK, contentType: DocumentService.PdfContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        quarters.MapGet("/rounds/{roundId:guid}/results", RoundResults).Documented("ExportQuarterResults2023",
            "The head of HR exports the quarter's results (?format=xlsx|csv): servant, unit, position, method, state, scores, grade, cap by sanction with its clause, calibration, acquaintance; headers in the request's language.");
        quarters.MapGet("/annual/results", YearResults).Documented("ExportAnnualResults2023",
            "The head of HR exports the year's results of a pack (?pack=&year=&format=xlsx|csv): each quarter's score, the annual score and grade with the clause.");
        quarters.MapGet("/annual/{servantId:guid}", Annual)
            .WithName("GetAnnualScore")
            .WithSummary("The annual score from the year's quarters (?pack=nhrc&year=2026) with each quarter's contribution; quarters not evaluated are left out.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static ProblemHttpResult BadRequest(FormattableString kk, FormattableString ru, FormattableString en) => ApiProblems.From(Refusal.Of(RefusalKind.InvalidInput, "invalid-request", kk, ru, en));

    private static async Task<Ok<List<QuarterRoundDto>>> ListRounds(Guid bodyId, QuarterRoundService service, HttpContext context) =>
        TypedResults.Ok((await service.RoundsAsync(bodyId, context.RequestAborted)).Select(QuarterRoundDto.Of).ToList());

    private static async Task<Results<Created<QuarterRoundDto>, ProblemHttpResult>> Schedule(
        Guid bodyId, ScheduleQuarterRequest request, [AsParameters] ApiCaller caller, QuarterRoundService service)
    {
        if (string.IsNullOrWhiteSpace(request.PackId) || string.IsNullOrWhiteSpace(request.Quarter) || request.EvaluationDate is not { } day)
        {
            return BadRequest($"packId, quarter және evaluationDate өрістерін толтырыңыз", $"Заполните packId, quarter и evaluationDate", $"packId, quarter and evaluationDate are required");
        }

        var result = await service.ScheduleAsync(caller.UserId, bodyId, request.PackId.Trim(), request.Quarter, day, caller.Cancelled, request.ConfirmLate);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await service.RoundAsync(bodyId, result.Value!.Id, caller.Cancelled);
        return TypedResults.Created($"/api/v1/bodies/{bodyId}/quarters/rounds/{result.Value.Id}", QuarterRoundDto.Of(view!));
    }

    private static async Task<Results<Ok<QuarterRoundDto>, ProblemHttpResult>> GetRound(Guid bodyId, Guid roundId, QuarterRoundService service, HttpContext context) =>
        await service.RoundAsync(bodyId, roundId, context.RequestAborted) is { } view ? TypedResults.Ok(QuarterRoundDto.Of(view)) : ApiProblems.From(WorkflowRefusals.NotFound());

    private static async Task<Results<Ok<QuarterRoundDto>, ProblemHttpResult>> Approve(
        Guid bodyId, Guid roundId, VersionRequest request, [AsParameters] ApiCaller caller, QuarterRoundService service)
    {
        var result = await service.ApproveAsync(caller.UserId, bodyId, roundId, request.Version, caller.Cancelled);
        return ApiProblems.Answer(result, QuarterRoundDto.Of);
    }

    private static async Task<Results<Ok<List<SheetSummaryDto>>, ProblemHttpResult>> SheetsOfRound(
        Guid bodyId, Guid roundId, [AsParameters] ApiCaller caller, QuarterRoundService service)
    {
        var result = await service.SheetsOfRoundAsync(caller.UserId, bodyId, roundId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(result.Value!.Select(SheetSummaryDto.Of).ToList());
    }

    private static async Task<Ok<List<SheetSummaryDto>>> MySheets(Guid bodyId, [AsParameters] ApiCaller caller, RatingSheetService service) =>
        TypedResults.Ok((await service.MySheetsAsync(caller.UserId, bodyId, caller.Cancelled)).Select(SheetSummaryDto.Of).ToList());

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> GetSheet(
        Guid bodyId, Guid sheetId, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        var result = await service.GetSheetAsync(caller.UserId, bodyId, sheetId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(ToDto(result.Value!, packs));
    }

    public static RatingSheetDto ToDto(SheetView v, Application.Packs.PackCatalog packs)
    {
        var s = v.Sheet;
        var version = v.Round.VersionIn(packs.Catalogue.Find(v.Round.PackId)!);
        var caps = version.Rules.SanctionCaps;
        var capRule = caps is null ? null : CapRule(caps);
        var finalTitle = s.FinalGrade is { } g ? version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == g)?.Title.In(ApiCaller.Language) : null;
        return new RatingSheetDto(
            s.Id, s.RoundId, v.Round.PackId, v.Round.Year, v.Round.Quarter, s.ServantId, v.ServantName, s.CurrentEvaluatorId, v.EvaluatorName,
            s.FormId, v.FormTitle?.In(ApiCaller.Language), v.FormClause, s.Participation, s.EligibilityReason, s.EligibilityClause, KindIds.Id(s.State),
            s.Due, s.DueClause, v.ScaleMin, v.ScaleMax,
            [.. v.Parameters.Select(p => new SheetParameterDto(p.Id, p.Title.In(ApiCaller.Language), p.GuidanceKk, p.Clause, p.Score, string.IsNullOrEmpty(p.Comment) ? null : p.Comment))],
            [.. v.SanctionsInQuarter.Select(x => new SheetSanctionDto(x.Kind, Vocabulary.SanctionKinds.TryGetValue(x.Kind, out var t) ? t.In(ApiCaller.Language) : x.Kind, x.Applied))],
            capRule, s.Average, s.Score, s.Grade, s.CappedBy, QuarterlyDocuments.CapReason(version, s, v.SanctionsInQuarter)?.In(ApiCaller.Language),
            s.ResultClause, s.SubmittedOn, s.AcknowledgedOn, s.NotifiedOn, s.NotificationChannel is { } channel ? KindIds.Id(channel) : null, s.CalibratedScore, s.FinalScore, s.FinalGrade, finalTitle,
            s.FeedbackAchievements, s.FeedbackSkills, s.FeedbackPotential, s.FeedbackOn,
            v.CanFill, v.CanAcknowledge, v.CanRecordFeedback, s.Version);
    }

    /// <summary>The pack's sanction caps in words, with their clauses (shown beside the sheet).</summary>
    public static string CapRule(SanctionCaps caps)
    {
        var parts = caps.Caps.Select(c => string.Join(", ", c.Kinds.Select(k => Vocabulary.SanctionKinds.TryGetValue(k, out var t) ? t.In(ApiCaller.Language) : k))
            + " ≤ " + c.Max.ToString("0.00", CultureInfo.InvariantCulture));
        return string.Join("; ", parts) + " (" + string.Join(", ", caps.Clauses) + ")";
    }

    private static List<SheetScoreInput>? Inputs(IReadOnlyList<SheetScoreItem>? scores, out ProblemHttpResult? problem)
    {
        problem = null;
        if (scores is null || scores.Any(s => s is null || string.IsNullOrWhiteSpace(s.ParameterId) || s.Score is null))
        {
            problem = BadRequest(
                $"scores: әр параметрдің parameterId және score өрістері керек",
                $"scores: для каждого параметра нужны parameterId и score",
                $"scores: each item needs parameterId and score");
            return null;
        }

        return [.. scores.Select(s => new SheetScoreInput(s.ParameterId!.Trim(), s.Score!.Value, s.Comment))];
    }

    private static async Task<Results<Ok<SheetPreviewDto>, ProblemHttpResult>> Preview(
        Guid bodyId, Guid sheetId, SheetScoresRequest request, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        if (Inputs(request.Scores, out var problem) is not { } inputs)
        {
            return problem!;
        }

        var result = await service.PreviewAsync(caller.UserId, bodyId, sheetId, inputs, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var sheet = (await service.GetSheetAsync(caller.UserId, bodyId, sheetId, caller.Cancelled)).Value!;
        var version = sheet.Round.VersionIn(packs.Catalogue.Find(sheet.Round.PackId)!);
        var p = result.Value!;
        var title = version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == p.Grade)?.Title.In(ApiCaller.Language) ?? p.Grade;
        var capReason = QuarterlyDocuments.CapReason(version, p.CappedBy, sheet.SanctionsInQuarter)?.In(ApiCaller.Language);
        return TypedResults.Ok(new SheetPreviewDto(p.Average, p.Score, p.Grade, title, p.CappedBy, p.Clause, capReason));
    }

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> Submit(
        Guid bodyId, Guid sheetId, SubmitSheetRequest request, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        if (Inputs(request.Scores, out var problem) is not { } inputs)
        {
            return problem!;
        }

        var result = await service.SubmitAsync(caller.UserId, bodyId, sheetId, request.Version, inputs, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : await SheetAsync(bodyId, sheetId, caller, service, packs);
    }

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> SaveDraft(
        Guid bodyId, Guid sheetId, SubmitSheetRequest request, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        if (Inputs(request.Scores, out var problem) is not { } inputs)
        {
            return problem!;
        }

        var result = await service.SaveDraftAsync(caller.UserId, bodyId, sheetId, request.Version, inputs, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : await SheetAsync(bodyId, sheetId, caller, service, packs);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delegate(
        Guid bodyId, Guid sheetId, SheetPersonRequest request, [AsParameters] ApiCaller caller, RatingSheetService service)
    {
        var result = await service.DelegateAsync(caller.UserId, bodyId, sheetId, request.Version, request.ServantId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AssignEvaluator(
        Guid bodyId, Guid sheetId, SheetPersonRequest request, [AsParameters] ApiCaller caller, RatingSheetService service)
    {
        var result = await service.AssignEvaluatorAsync(caller.UserId, bodyId, sheetId, request.Version, request.ServantId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Substitute(
        Guid bodyId, Guid sheetId, SheetPersonRequest request, [AsParameters] ApiCaller caller, RatingSheetService service)
    {
        var result = await service.SubstituteAsync(caller.UserId, bodyId, sheetId, request.Version, request.ServantId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> Acknowledge(
        Guid bodyId, Guid sheetId, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        var result = await service.AcknowledgeAsync(caller.UserId, bodyId, sheetId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : await SheetAsync(bodyId, sheetId, caller, service, packs);
    }

    private static async Task<Results<Ok<SheetSummaryDto>, ProblemHttpResult>> RecordNotification(
        Guid bodyId, Guid sheetId, SheetNotificationRequest request, [AsParameters] ApiCaller caller, RatingSheetService service)
    {
        if (string.IsNullOrWhiteSpace(request.Channel) || request.Date is not { } date)
        {
            return BadRequest($"channel және date өрістерін толтырыңыз", $"Заполните channel и date", $"channel and date are required");
        }

        var result = await service.RecordNotificationAsync(caller.UserId, bodyId, sheetId, request.Version, request.Channel, date, caller.Cancelled);
        return ApiProblems.Answer(result, SheetSummaryDto.Of);
    }

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> Feedback(
        Guid bodyId, Guid sheetId, SheetFeedbackRequest request, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        var result = await service.FeedbackAsync(caller.UserId, bodyId, sheetId, request.Achievements, request.Skills, request.Potential, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : await SheetAsync(bodyId, sheetId, caller, service, packs);
    }

    private static async Task<Results<Ok<RatingSheetDto>, ProblemHttpResult>> SheetAsync(
        Guid bodyId, Guid sheetId, [AsParameters] ApiCaller caller, RatingSheetService service, Application.Packs.PackCatalog packs)
    {
        var view = await service.GetSheetAsync(caller.UserId, bodyId, sheetId, caller.Cancelled);
        return view.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(ToDto(view.Value!, packs));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(
        Guid bodyId, Guid sheetId, string? format, string? lang, [AsParameters] ApiCaller caller, QuarterlyDocuments documents, DocumentService renderer)
    {
        if (DocumentService.ParseFormat(format ?? "pdf") is not { } fileFormat || DocumentService.ParseLanguage(lang ?? "kk") is not { } language)
        {
            return BadRequest($"format: docx немесе pdf, lang: kk немесе ru", $"format: docx или pdf, lang: kk или ru", $"format must be docx or pdf, lang kk or ru");
        }

        var result = await documents.RatingSheetAsync(caller.UserId, bodyId, sheetId, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var file = renderer.Render(result.Value!, language, fileFormat);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static Task<Results<PushStreamHttpResult, ProblemHttpResult>> RoundResults(Guid bodyId, Guid roundId, string? format, [AsParameters] ApiCaller caller, Application.Results.ResultsExport export) =>
        ResultsFiles.AnswerAsync(format, () => export.RoundAsync(caller.UserId, bodyId, roundId, ApiCaller.Language, caller.Cancelled));

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> YearResults(Guid bodyId, string? pack, int? year, string? format, [AsParameters] ApiCaller caller, Application.Results.ResultsExport export)
    {
        if (string.IsNullOrWhiteSpace(pack) || year is not (>= 2000 and <= 2100))
        {
            return BadRequest($"pack және year (2000-2100) параметрлері керек", $"Нужны параметры pack и year (2000-2100)", $"pack and year (2000-2100) are required");
        }

        return await ResultsFiles.AnswerAsync(format, () => export.YearAsync(caller.UserId, bodyId, pack.Trim(), year.Value, ApiCaller.Language, caller.Cancelled));
    }

    private static async Task<Results<Ok<AnnualScoreDto>, ProblemHttpResult>> Annual(
        Guid bodyId, Guid servantId, string? pack, int? year, [AsParameters] ApiCaller caller, AnnualScoreService service, Application.Packs.PackCatalog packs)
    {
        if (string.IsNullOrWhiteSpace(pack) || year is not (>= 2000 and <= 2100))
        {
            return BadRequest($"pack және year (2000-2100) параметрлері керек", $"Нужны параметры pack и year (2000-2100)", $"pack and year (2000-2100) are required");
        }

        var result = await service.AnnualAsync(caller.UserId, bodyId, servantId, pack.Trim(), year.Value, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var a = result.Value!;
        var title = packs.Catalogue.Find(a.PackId)?.VersionOn(new DateOnly(a.Year, 12, 31))?.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == a.Grade)?.Title.In(ApiCaller.Language) ?? a.Grade;
        return TypedResults.Ok(new AnnualScoreDto(
            a.Year, a.PackId, a.Score, a.Grade, title, a.Clause, a.QuartersCounted,
            [.. a.Quarters.Select(q => new QuarterContributionDto(q.Quarter, q.Status, q.Score, q.Share))], a.Due, a.DueClause));
    }
}
