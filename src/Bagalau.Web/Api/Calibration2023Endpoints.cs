using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Localization;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

public sealed record CalibrationApplicationRequest(Guid SheetId, string? Statement);

public sealed record CalibrationCompositionRequest(int Version, IReadOnlyList<Guid>? Members);

public sealed record CalibrationBallotRequest(Guid ServantId, string? Vote, string? Argument);

public sealed record CalibrationSessionRequest(
    int Version, string? Justification, string? ObjectionForm, string? Objection, string? Arguments, decimal ProposedScore, IReadOnlyList<CalibrationBallotRequest>? Ballots);

public sealed record FeedbackMeetingRequest(int Version, string? Achievements, string? Skills, string? Potential);

public sealed record DeadlineDto(DateOnly Due, string? Clause);

public sealed record CalibrationPersonDto(Guid ServantId, string Name, string? Position);

public sealed record CalibrationMemberDto(Guid ServantId, string Name, string? Position, string? Vote, string? Argument);

public sealed record CalibrationSessionDto(
    DateOnly HeldOn, string Justification, string ObjectionForm, string Objection, string? Arguments, decimal OriginalScore, string? OriginalGrade,
    decimal ProposedScore, int VotesFor, int VotesAgainst, string Outcome, string? Direction, decimal FinalScore, string FinalGrade, string? FinalGradeTitle, string? Clause);

/// <summary>A case in the list; <c>canOpen</c> is false for an HR officer outside the case, who sees only that it exists and its state (nhrc 13, oskemen 20).</summary>
public sealed record CalibrationSummaryDto(Guid Id, Guid SheetId, string State, DateOnly AppliedOn, DeadlineDto DecisionDue, DeadlineDto SessionDue, int Version, bool CanOpen);

public sealed record CalibrationCaseDto(
    Guid Id, Guid SheetId, string State, string PackId, int Year, int Quarter, CalibrationPersonDto Applicant, CalibrationPersonDto Evaluator,
    string Statement, DateOnly AppliedOn, DeadlineDto DecisionDue, DeadlineDto SessionDue, DateOnly? ConvenedOn, IReadOnlyList<CalibrationMemberDto> Members,
    CalibrationSessionDto? Session, DeadlineDto? ProtocolDue, DateOnly? ProtocolPostedOn, bool ProtocolLate, int Version);

public sealed record FeedbackMeetingDto(
    Guid SheetId, string ServantName, string? EvaluatorName, int Year, int Quarter, decimal? FinalScore, string? FinalGrade,
    DateOnly? HeldOn, string? Achievements, string? Skills, string? Potential, bool CanRecord, int Version);

/// <summary>
/// Calibration of a 2023-family quarterly result (oskemen chapter 5, nhrc chapter 3) and the
/// feedback meeting (oskemen 42, nhrc 23). Only the case's participants reach a case; others get
/// 404. Refusals are problem details with the workflow's code and the clause in the message.
/// </summary>
public static class Calibration2023Endpoints
{
    public static void MapCalibration2023Endpoints(this RouteGroupBuilder body)
    {
        var calibration = body.MapGroup("/calibration").WithTags("calibration").RequireAuthorization(BodyPolicies.Member);
        calibration.MapGet("/", List)
            .WithName("ListCalibrationCases")
            .WithSummary("Calibration cases the user applied for, evaluated, sits on, or decides (authorized person, head of HR), newest first; another HR officer gets every case of the body with its state only (canOpen false: no scores, objection or arguments).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calibration.MapPost("/", Apply)
            .WithName("ApplyForCalibration")
            .WithSummary("The servant applies in free form within the engine's calibration-request deadline after acquaintance (oskemen 12, nhrc 10); later: deadline-passed with the clause.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        calibration.MapGet("/{caseId:guid}", Get)
            .WithName("GetCalibrationCase")
            .WithSummary("A case with its deadlines and clauses, members, session record and outcome: the applicant, the evaluator, the members, the head of HR and the authorized person only (others, other HR officers included, 404; the read is audited).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        calibration.MapPost("/{caseId:guid}/composition", Convene)
            .WithName("ApproveCalibrationComposition")
            .WithSummary("The authorized person decides to hold the session and approves its members; nhrc 19 is checked by the engine (odd, at least 3, no applicant or their evaluator, evaluators and an HR member).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        calibration.MapPost("/{caseId:guid}/session", Session)
            .WithName("RecordCalibrationSession")
            .WithSummary("The head of HR or an HR member of the panel records the session: the evaluator's justification, the servant's written or oral objection, each member's argument and vote on a proposed score; the engine adopts or upholds it and the session closes.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        calibration.MapPost("/{caseId:guid}/protocol", PostProtocol)
            .WithName("PostCalibrationProtocol")
            .WithSummary("The head of HR or an HR member of the panel posts the signed protocol in the system (due within the engine's calibration-protocol deadline; late postings are flagged).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        calibration.MapGet("/{caseId:guid}/protocol", Protocol)
            .WithName("GetCalibrationProtocolDocument")
            .WithSummary("The calibration protocol as a file: ?lang=kk|ru&format=docx|pdf (after the session).")
            .Produces(StatusCodes.Status200OK, contentType: DocumentService.PdfContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var feedback = body.MapGroup("/feedback-meetings").WithTags("calibration").RequireAuthorization(BodyPolicies.Member);
        feedback.MapGet("/{sheetId:guid}", GetFeedback)
            .WithName("GetFeedbackMeeting")
            .WithSummary("The feedback meeting of a result (oskemen 42, nhrc 23): achievements, skills and competencies, potential and career aspirations; for those who may open the result.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        feedback.MapPut("/{sheetId:guid}", RecordFeedback)
            .WithName("RecordFeedbackMeeting")
            .WithSummary("The evaluator records the feedback meeting; send the sheet version you read (409 when it changed since).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<List<CalibrationSummaryDto>>> List(Guid bodyId, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var cases = await service.ListAsync(caller.UserId, bodyId, caller.Cancelled);
        return TypedResults.Ok(cases.Select(c => new CalibrationSummaryDto(
            c.Id, c.SheetId, KindIds.Id(c.State), c.AppliedOn, new DeadlineDto(c.DecisionDue, c.DecisionClause), new DeadlineDto(c.SessionDue, c.SessionClause), c.Version, c.CanOpen)).ToList());
    }

    private static async Task<Results<Created<CalibrationCaseDto>, ProblemHttpResult>> Apply(
        Guid bodyId, CalibrationApplicationRequest request, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var userId = caller.UserId;
        var applied = await service.ApplyAsync(userId, bodyId, request.SheetId, request.Statement, caller.Cancelled);
        if (applied.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await service.ViewAsync(userId, bodyId, applied.Value!.Id, caller.Cancelled);
        return TypedResults.Created($"/api/v1/bodies/{bodyId}/calibration/{applied.Value.Id}", Dto(view.Value!));
    }

    private static async Task<Results<Ok<CalibrationCaseDto>, ProblemHttpResult>> Get(
        Guid bodyId, Guid caseId, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var view = await service.ViewAsync(caller.UserId, bodyId, caseId, caller.Cancelled);
        return ApiProblems.Answer(view, Dto);
    }

    private static async Task<Results<Ok<CalibrationCaseDto>, ProblemHttpResult>> Convene(
        Guid bodyId, Guid caseId, CalibrationCompositionRequest request, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var userId = caller.UserId;
        var outcome = await service.ConveneAsync(userId, bodyId, caseId, request.Version, request.Members ?? [], caller.Cancelled);
        return await ViewAfterAsync(outcome, userId, bodyId, caseId, caller, service);
    }

    private static async Task<Results<Ok<CalibrationCaseDto>, ProblemHttpResult>> Session(
        Guid bodyId, Guid caseId, CalibrationSessionRequest request, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var userId = caller.UserId;
        var input = new CalibrationSessionInput(
            request.Justification, request.ObjectionForm, request.Objection, request.Arguments, request.ProposedScore,
            [.. (request.Ballots ?? []).Select(b => new MemberBallot(b.ServantId, b.Vote, b.Argument))]);
        var outcome = await service.DecideAsync(userId, bodyId, caseId, request.Version, input, caller.Cancelled);
        return await ViewAfterAsync(outcome, userId, bodyId, caseId, caller, service);
    }

    private static async Task<Results<Ok<CalibrationCaseDto>, ProblemHttpResult>> PostProtocol(
        Guid bodyId, Guid caseId, VersionRequest request, [AsParameters] ApiCaller caller, CalibrationService service)
    {
        var userId = caller.UserId;
        var outcome = await service.PostProtocolAsync(userId, bodyId, caseId, request.Version, caller.Cancelled);
        return await ViewAfterAsync(outcome, userId, bodyId, caseId, caller, service);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Protocol(
        Guid bodyId, Guid caseId, string? lang, string? format, [AsParameters] ApiCaller caller,
        CalibrationService service, DocumentService documents, IStringLocalizer<CalibrationText> t)
    {
        if (DocumentService.ParseLanguage(lang ?? "kk") is not { } language || DocumentService.ParseFormat(format ?? "pdf") is not { } fileFormat)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-document-request", t["api.document-request"]);
        }

        var record = await service.ProtocolAsync(caller.UserId, bodyId, caseId, caller.Cancelled);
        if (record.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var file = documents.Render(record.Value!, language, fileFormat);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<FeedbackMeetingDto>, ProblemHttpResult>> GetFeedback(
        Guid bodyId, Guid sheetId, [AsParameters] ApiCaller caller, RatingSheetService sheets)
    {
        var view = await sheets.GetSheetAsync(caller.UserId, bodyId, sheetId, caller.Cancelled);
        return ApiProblems.Answer(view, Feedback);
    }

    private static async Task<Results<Ok<FeedbackMeetingDto>, ProblemHttpResult>> RecordFeedback(
        Guid bodyId, Guid sheetId, FeedbackMeetingRequest request, [AsParameters] ApiCaller caller,
        CalibrationService service, RatingSheetService sheets)
    {
        var userId = caller.UserId;
        var outcome = await service.RecordFeedbackAsync(userId, bodyId, sheetId, request.Version, request.Achievements, request.Skills, request.Potential, caller.Cancelled);
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await sheets.GetSheetAsync(userId, bodyId, sheetId, caller.Cancelled);
        return ApiProblems.Answer(view, Feedback);
    }

    private static async Task<Results<Ok<CalibrationCaseDto>, ProblemHttpResult>> ViewAfterAsync(
        Outcome<CalibrationCase> outcome, string userId, Guid bodyId, Guid caseId, ApiCaller caller, CalibrationService service)
    {
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await service.ViewAsync(userId, bodyId, caseId, caller.Cancelled);
        return ApiProblems.Answer(view, Dto);
    }

    private static FeedbackMeetingDto Feedback(SheetView v) => new(
        v.Sheet.Id, v.ServantName, v.EvaluatorName, v.Round.Year, v.Round.Quarter, v.Sheet.FinalScore, v.Sheet.FinalGrade,
        v.Sheet.FeedbackOn, v.Sheet.FeedbackAchievements, v.Sheet.FeedbackSkills, v.Sheet.FeedbackPotential, v.CanRecordFeedback, v.Sheet.Version);

    private static CalibrationPersonDto Person(CalibrationPerson p) => new(p.ServantId, p.Name, p.Position?.In(ApiCaller.Language));

    private static CalibrationCaseDto Dto(CalibrationView v)
    {
        var c = v.Case;
        var session = c.SessionOn is { } held
            ? new CalibrationSessionDto(
                held, c.EvaluatorJustification ?? string.Empty, c.ObjectionForm ?? string.Empty, c.Objection ?? string.Empty, c.MembersArguments,
                c.OriginalScore ?? 0, v.OriginalGrade, c.ProposedScore ?? 0, c.VotesFor ?? 0, c.VotesAgainst ?? 0, c.Outcome ?? string.Empty, c.Direction,
                c.FinalScore ?? 0, c.FinalGrade ?? string.Empty, v.FinalGradeTitle?.In(ApiCaller.Language), c.OutcomeClause)
            : null;
        var members = v.Members.Zip(c.Members, (p, m) => new CalibrationMemberDto(p.ServantId, p.Name, p.Position?.In(ApiCaller.Language), m.Vote, m.Argument)).ToList();
        return new CalibrationCaseDto(
            c.Id, c.SheetId, KindIds.Id(c.State), v.PackId, v.Year, v.Quarter, Person(v.Applicant), Person(v.Evaluator), c.Statement, c.AppliedOn,
            new DeadlineDto(c.DecisionDue, c.DecisionClause), new DeadlineDto(c.SessionDue, c.SessionClause), c.ConvenedOn, members, session,
            c.ProtocolDue is { } due ? new DeadlineDto(due, c.ProtocolClause) : null, c.ProtocolPostedOn, c.IsProtocolLate, c.Version);
    }

}
