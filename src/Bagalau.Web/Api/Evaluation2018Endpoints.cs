using System.Globalization;
using Bagalau.Application.Acquaintance;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Bagalau.Application.Time;

namespace Bagalau.Web.Api;

public sealed record OpenCycleRequest(Guid BodyId, string PackId, int Year);

public sealed record CycleDto(Guid Id, Guid BodyId, string PackId, string PackVersionId, int Year, DateOnly OpenedOn, int PlansDrafted);

public sealed record EligibilityDto(Guid ServantId, Guid? UnitId, string Evaluate, string Reason, DateOnly? Due, string? Clause);

public sealed record PlanKpiDto(int Number, string Name, string Unit, string Planned, DateOnly? Due, string Result, string? Source);

public sealed record PlanDto(Guid Id, Guid CycleId, Guid ServantId, Guid DirectSupervisorId, Guid ApproverId, string? ApproverClause, string State, int Revision,
    string? ReturnReason, DateOnly? ResubmitDue, string? ResubmitClause, DateOnly? SubmittedOn, DateOnly? ApprovedOn, IReadOnlyList<PlanKpiDto> Kpis, int Version);

/// <summary>The plan's KPIs; with <c>submit</c> the plan is submitted in the same step (both or neither).</summary>
public sealed record KpisRequest(int Version, IReadOnlyList<KpiInput> Kpis, bool Submit = false);

public sealed record ReasonRequest(int Version, string? Reason);

public sealed record PlanSheetsDto(Guid PlanId, Guid? KpiSheetId, Guid? CompetencySheetId);

public sealed record NoteRequest(int? Version, IReadOnlyList<KpiProgressInput> Progress, string? Recommendations);

public sealed record NoteDto(Guid Id, Guid PlanId, int Quarter, IReadOnlyList<KpiProgress> Progress, string Recommendations, DateOnly RecordedOn, int Version);

public sealed record KpiSheetDto(Guid Id, Guid PlanId, Guid ServantId, Guid DirectSupervisorId, Guid SuperiorId, string State, IReadOnlyList<KpiSheetRow> Rows,
    int? Achieved, string? Grade, string? GradeClause, DateOnly? SignedOn, string? ReturnReason, DateOnly? ResubmitDue, DateOnly? AgreedOn,
    DateOnly? CommissionDue, string? CommissionDueClause, DateOnly? SentOn, bool SentLate, Guid? ReopenedByAppealId, int Version);

/// <summary>The actual values; with <c>sign</c> the sheet is signed in the same step (both or neither).</summary>
public sealed record ResultsRequest(int Version, IReadOnlyList<KpiResultInput> Results, bool Sign = false);

public sealed record CompetencyDto(string Id, string Title, IReadOnlyList<string> Indicators, IReadOnlyList<int> Observed, string? Level, IReadOnlyList<int>? Unobserved, string? Clause);

public sealed record CompetencySheetDto(Guid Id, Guid CycleId, Guid ServantId, Guid DirectSupervisorId, string Category, string? Qualifier, bool ProvidesPublicServices,
    int Group, string State, IReadOnlyList<CompetencyDto> Competencies, DateOnly? SignedOn, DateOnly? SentOn, Guid? ReopenedByAppealId, int Version);

public sealed record TickRequest(int Version, IReadOnlyList<int> Observed);

/// <summary>Every competency's observed indicators; with <c>sign</c> the sheet is signed in the same step (all or nothing).</summary>
public sealed record MarksRequest(int Version, IReadOnlyList<CompetencyMarkInput>? Marks, bool Sign = false);

public sealed record CommissionRequest(int? Version, IReadOnlyList<SeatInput> Seats);

public sealed record SeatDto(Guid ServantId, string Role);

public sealed record CommissionDto(Guid Id, Guid CycleId, IReadOnlyList<SeatDto> Seats, DateOnly ComposedOn, int Version);

public sealed record ScheduleRequest(int? Version, IReadOnlyList<DateOnly> Sittings, IReadOnlyList<Guid> Servants);

public sealed record ScheduleDto(Guid Id, Guid CycleId, Guid CommissionId, string State, IReadOnlyList<DateOnly> Sittings, IReadOnlyList<Guid> Servants, DateOnly? AgreedOn, DateOnly? NoticeDue, string? NoticeClause, int Version);

public sealed record OpenSittingRequest(DateOnly On);

public sealed record AttendanceRequest(int Version, IReadOnlyList<Guid> Present);

public sealed record VoteRequest(int Version, Guid ServantId, string Vote);

public sealed record CaseRequest(int Version, Guid ServantId, string? CorrectedGrade, string? Recommendations);

public sealed record VoteDto(Guid ServantId, Guid MemberId, string Vote);

public sealed record CaseDto(Guid ServantId, string Decision, string? Clause, int Approve, int Revise, string? ChairVote, string? CorrectedGrade, string? Recommendations);

public sealed record SittingDto(Guid Id, Guid CommissionId, Guid CycleId, DateOnly SittingOn, string State, IReadOnlyList<SeatDto> Seats, IReadOnlyList<Guid> Present,
    IReadOnlyList<Guid> Agenda, IReadOnlyList<VoteDto> Votes, IReadOnlyList<CaseDto> Cases, DateOnly? ProtocolOn, DateOnly? ApprovedOn, int Version);

public sealed record ProtocolRowDto(Guid ServantId, string ServantName, string? KpiGrade, string? KpiGradeTitle, string? CorrectedGrade, string? CorrectedGradeTitle,
    int CompetenciesMet, int CompetenciesAssessed, string Decision, string? Clause, string? Recommendations, Guid? AcquaintanceId);

public sealed record ProtocolDto(Guid SittingId, DateOnly SittingOn, string State, DateOnly? ProtocolOn, DateOnly? ApprovedOn, string WorkingBody, string? WorkingBodyClause, IReadOnlyList<ProtocolRowDto> Rows);

public sealed record AppealRequest(Guid ServantId, string? Body, DateOnly FiledOn);

public sealed record AppealOutcomeRequest(int Version, string Outcome, string? Note);

public sealed record AppealDto(Guid Id, Guid SittingId, Guid ServantId, string Body, DateOnly DecisionOn, DateOnly FiledOn, DateOnly Due, string? DueClause,
    string? Outcome, DateOnly? OutcomeOn, string? OutcomeNote, int Version);

public sealed record RefusalActRequest(int Version, RefusalActInput Act);

public sealed record FactDto(Guid Id, Guid SheetId, int KpiNumber, string FileName, string ContentType, long Length, DateOnly UploadedOn);

/// <summary>
/// The 2018 family's annual cycle under /api/v1/bodies/{bodyId}/evaluation-2018: cycles and eligibility, plans,
/// quarterly notes, KPI sheets and their fact files, competency sheets, the Commission, its
/// schedule and sittings (attendance, votes, cases, protocol and approval), appeals, and the
/// refusal act of an acquaintance. Authorization is the services' (the same as the pages'):
/// people outside a record get 404, a wrong actor 403, a wrong state or stale version 409.
/// </summary>
public static class Evaluation2018Endpoints
{
    /// <summary>
    /// The 2018 API under /bodies/{bodyId}/evaluation-2018, shaped like the 2023 family's; a record
    /// is served only under its own body. The older /evaluation-2018 routes stay for one release
    /// as aliases (same handlers, marked deprecated in the OpenAPI document and by a Deprecation header).
    /// </summary>
    public static void MapEvaluation2018Endpoints(this RouteGroupBuilder api)
    {
        Map(api.MapGroup("/bodies/{bodyId:guid}/evaluation-2018").AddEndpointFilter(OfTheRouteBody), string.Empty);
        var alias = api.MapGroup("/evaluation-2018").AddEndpointFilter(Deprecated);
        alias.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Deprecated = true;
            return Task.CompletedTask;
        });
        Map(alias, "Alias");
    }

    private static void Map(RouteGroupBuilder g, string suffix)
    {
        g.WithTags("evaluation-2018");
        string N(string name) => name + suffix;
        Post(g.MapPost("/cycles", OpenCycle), N("OpenCycle2018"), "HR opens the year's cycle of a body under a 2018-family pack: eligibility with reason and clause, draft plans, tasks.");
        Get(g.MapGet("/cycles/{id:guid}/eligibility", Eligibility), N("ListEligibility2018"), "The cycle's eligibility list with reason, date and clause (HR; paged).");
        Get(g.MapGet("/cycles/{id:guid}/plans", Plans), N("ListPlans2018"), "The cycle's plans the user takes part in (HR: all; paged).");

        Post(g.MapPost("/cycles/{id:guid}/sheets/send", SendSheets), N("SendSheets2018"), "HR sends the chosen KPI and competency sheets (ids), or every ready one (agreed or signed, not sent), to the Commission: each through its own send step and save; the answer counts the sent ones and names each refused one with its refusal.");
        g.MapGet("/cycles/{id:guid}/results", CycleResults).Documented(N("ExportCycleResults2018"), "HR exports the cycle's results (?format=xlsx|csv): servant, unit, position, KPI grade with its clause, competencies met, the Commission's decision, acquaintance; headers in the request's language.");

        Get(g.MapGet("/plans/{id:guid}", GetPlan), N("GetPlan2018"), "An individual work plan (servant, direct supervisor, approver, HR; audited).");
        Get(g.MapGet("/plans/{id:guid}/sheets", PlanSheets), N("GetPlanSheets2018"), "The ids of the plan's KPI sheet and competency sheet, when opened.");
        Post(g.MapPut("/plans/{id:guid}/kpis", SetKpis), N("SetPlanKpis2018"), "The direct supervisor writes the plan's KPIs (Appendix 1 columns) while it is a draft or returned; with submit=true it is submitted in the same step (both or neither).");
        Post(g.MapPost("/plans/{id:guid}/submit", SubmitPlan), N("SubmitPlan2018"), "The direct supervisor submits; the engine's kpi-plan decision checks exactly five complete KPIs.");
        Post(g.MapPost("/plans/{id:guid}/return", ReturnPlan), N("ReturnPlan2018"), "The approver returns the plan with a reason; the resubmission deadline comes from the engine.");
        Post(g.MapPost("/plans/{id:guid}/approve", ApprovePlan), N("ApprovePlan2018"), "The approver approves; the plan is frozen as a new revision.");
        Get(g.MapGet("/plans/{id:guid}/notes", Notes), N("ListMonitoringNotes2018"), "The plan's quarterly monitoring notes (servant, direct supervisor, HR).");
        Post(g.MapPut("/plans/{id:guid}/notes/{quarter:int}", RecordNote), N("RecordMonitoringNote2018"), "The direct supervisor records or corrects a quarter's progress per KPI and written recommendations (clause 16).");
        Post(g.MapPost("/plans/{id:guid}/kpi-sheet", OpenSheet), N("OpenKpiSheet2018"), "Opens the KPI sheet of an approved plan.");
        Post(g.MapPost("/plans/{id:guid}/competency-sheet", OpenCompetencySheet), N("OpenCompetencySheet2018"), "Opens the competency sheet for the servant's position group (Appendix 4).");

        Get(g.MapGet("/kpi-sheets/{id:guid}", GetSheet), N("GetKpiSheet2018"), "A KPI sheet (servant, direct supervisor, superior, HR; audited).");
        Post(g.MapPut("/kpi-sheets/{id:guid}/results", FillSheet), N("FillKpiSheet2018"), "The direct supervisor records actual values and achievement per KPI; with sign=true the sheet is signed in the same step (both or neither).");
        Post(g.MapPost("/kpi-sheets/{id:guid}/sign", SignSheet), N("SignKpiSheet2018"), "The direct supervisor signs; the grade comes from the engine.");
        Post(g.MapPost("/kpi-sheets/{id:guid}/return", ReturnSheet), N("ReturnKpiSheet2018"), "The superior returns the sheet for insufficient or unreliable facts.");
        Post(g.MapPost("/kpi-sheets/{id:guid}/agree", AgreeSheet), N("AgreeKpiSheet2018"), "The superior agrees; HR's deadline to send it to the Commission starts.");
        Post(g.MapPost("/kpi-sheets/{id:guid}/send", SendSheet), N("SendKpiSheet2018"), "HR sends the agreed sheet to the Commission (late sending is flagged).");
        Get(g.MapGet("/kpi-sheets/{id:guid}/facts", Facts), N("ListKpiFacts2018"), "The fact files of a KPI sheet (without content).");
        Post(g.MapPost("/kpi-sheets/{id:guid}/facts", AttachFact).Accepts<IFormFile>("multipart/form-data"), N("AttachKpiFact2018"),
            "Attaches a fact file to a KPI (form fields kpi and file; pdf, docx, xlsx, jpg, png up to 10 MB) while the sheet is editable.");
        g.MapGet("/kpi-sheets/{id:guid}/facts/{factId:guid}", DownloadFact)
            .WithName(N("DownloadKpiFact2018")).WithSummary("Downloads a fact file.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        g.MapDelete("/kpi-sheets/{id:guid}/facts/{factId:guid}", RemoveFact)
            .WithName(N("RemoveKpiFact2018")).WithSummary("Removes a fact file while the sheet is editable.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        Get(g.MapGet("/competency-sheets/{id:guid}", GetCompetencySheet), N("GetCompetencySheet2018"), "A competency sheet with each competency's indicators (verbatim), ticks and levels.");
        Post(g.MapPut("/competency-sheets/{id:guid}/competencies/{competency}", Tick), N("TickCompetency2018"), "The direct supervisor ticks the observed indicators (1-based) of one competency.");
        Post(g.MapPut("/competency-sheets/{id:guid}/marks", MarkCompetencySheet), N("MarkCompetencySheet2018"), "The direct supervisor ticks every competency at once and, with sign=true, signs in the same step (all or nothing).");
        Post(g.MapPost("/competency-sheets/{id:guid}/sign", SignCompetencySheet), N("SignCompetencySheet2018"), "The direct supervisor signs; the 3/4 rule gives each level and the unobserved indicators.");
        Post(g.MapPost("/competency-sheets/{id:guid}/send", SendCompetencySheet), N("SendCompetencySheet2018"), "HR sends the signed competency sheet to the Commission.");

        Get(g.MapGet("/cycles/{id:guid}/commission", GetCommission), N("GetCommission2018"), "The cycle's Evaluation Commission.");
        Post(g.MapPut("/cycles/{id:guid}/commission", Compose), N("ComposeCommission2018"), "The authorized person sets or amends the Commission: a chair, a secretary and members (the pack's minimum).");
        Get(g.MapGet("/cycles/{id:guid}/schedules", Schedules), N("ListSchedules2018"), "The cycle's evaluation schedules.");
        Post(g.MapPost("/cycles/{id:guid}/schedules", BuildSchedule), N("BuildSchedule2018"), "HR builds a schedule: sitting days and the servants to evaluate.");
        Get(g.MapGet("/schedules/{id:guid}", GetSchedule), N("GetSchedule2018"), "A schedule.");
        Post(g.MapPut("/schedules/{id:guid}", ChangeSchedule), N("ChangeSchedule2018"), "HR changes a schedule until the chair agrees it.");
        Post(g.MapPost("/schedules/{id:guid}/agree", AgreeSchedule), N("AgreeSchedule2018"), "The chair agrees; the evaluators are notified with the schedule-notice date and clause.");
        Post(g.MapPost("/schedules/{id:guid}/sittings", OpenSitting), N("OpenSitting2018"), "HR or the secretary opens the sitting of a scheduled day.");

        Get(g.MapGet("/sittings/{id:guid}", GetSitting), N("GetSitting2018"), "A sitting (members, HR, the authorized person; audited).");
        Post(g.MapPut("/sittings/{id:guid}/attendance", Attendance), N("MarkAttendance2018"), "The secretary records who is present.");
        Post(g.MapPost("/sittings/{id:guid}/votes", Vote), N("Vote2018"), "A present voting member votes openly (approve or revise) on a servant's case; the secretary does not vote.");
        Post(g.MapPost("/sittings/{id:guid}/cases", RecordCase), N("RecordCase2018"), "The secretary records the engine's decision (quorum, majority, chair's casting vote); a revision needs the corrected grade and recommendations.");
        Post(g.MapPost("/sittings/{id:guid}/protocol", DrawProtocol), N("DrawProtocol2018"), "HR draws the protocol once every case of the agenda is decided.");
        Post(g.MapPost("/sittings/{id:guid}/protocol/approve", ApproveProtocol), N("ApproveProtocol2018"), "The authorized person approves the protocol; each servant's acquaintance opens.");
        Get(g.MapGet("/sittings/{id:guid}/protocol", Protocol), N("GetProtocol2018"), "The protocol's data (Appendix 5).");
        Post(g.MapPost("/sittings/{id:guid}/appeals", FileAppeal), N("FileAppeal2018"), "HR records an appeal to the civil-service agency; after the appeal deadline it is refused with the clause.");
        Get(g.MapGet("/appeals/{id:guid}", GetAppeal), N("GetAppeal2018"), "An appeal (the servant and HR).");
        Post(g.MapPost("/appeals/{id:guid}/outcome", AppealOutcome), N("RecordAppealOutcome2018"), "HR records the outcome (re-evaluate or unchanged); re-evaluation reopens the servant's sheets.");

        Post(g.MapPost("/acquaintances/{id:guid}/refusal-act", RefusalAct), N("RecordRefusalAct2018"), "HR records the servant's refusal to acknowledge: the act signed by HR and two other employees.");

        // Printed forms: ?format=docx|pdf&language=kk|ru; access as for the record's GET.
        Document(g.MapGet("/plans/{id:guid}/document", PlanDocument), N("DownloadPlan2018"), "Appendix 1, the individual work plan, as DOCX or PDF in Kazakh or Russian.");
        Document(g.MapGet("/kpi-sheets/{id:guid}/document", SheetDocument), N("DownloadKpiSheet2018"), "Appendix 2, the KPI evaluation sheet with the grade and its clause, as DOCX or PDF.");
        Document(g.MapGet("/competency-sheets/{id:guid}/document", CompetencySheetDocument), N("DownloadCompetencySheet2018"), "Appendix 3, the competency sheet with the indicators (verbatim), marks and levels, as DOCX or PDF.");
        Document(g.MapGet("/sittings/{id:guid}/protocol/document", ProtocolDocument), N("DownloadProtocol2018"), "Appendix 5, the protocol of the Commission's sitting, as DOCX or PDF.");
        Document(g.MapGet("/acquaintances/{id:guid}/refusal-act/document", RefusalActDocument), N("DownloadRefusalAct2018"), "The act of refusal to acknowledge the results (once recorded), as DOCX or PDF.");
    }

    /// <summary>Under /bodies/{bodyId}: a record of another body is not found there (its existence is not revealed).</summary>
    private static async ValueTask<object?> OfTheRouteBody(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.RouteValues;
        if (values.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id)
            && Guid.TryParse(values["bodyId"]?.ToString(), out var bodyId))
        {
            var collection = http.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(part => part != "evaluation-2018").Skip(1).FirstOrDefault() ?? string.Empty;
            var holder = await http.RequestServices.GetRequiredService<RecordBodies>().BodyOfAsync(collection, id, http.RequestAborted);
            if (holder != bodyId)
            {
                return ApiProblems.From(WorkflowRefusals.NotFound());
            }
        }

        return await next(context);
    }

    /// <summary>The pre-body routes answer as before and say they are deprecated, with their successor.</summary>
    private static async ValueTask<object?> Deprecated(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers["Deprecation"] = "true";
        context.HttpContext.Response.Headers.Link = "</api/v1/bodies/{bodyId}/evaluation-2018>; rel=\"successor-version\"";
        return await next(context);
    }

    private static void Document(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Results<FileContentHttpResult, ProblemHttpResult> FileOf(Outcome<RenderedDocument> file) =>
        file.Value is { } f ? TypedResults.File(f.Content, f.ContentType, f.FileName) : ApiProblems.From(file.Refusal!);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PlanDocument(Guid id, string? format, string? language, [AsParameters] ApiCaller caller, Cycle2018Documents forms) =>
        FileOf(await forms.PlanForAsync(caller.UserId, id, language, format, caller.Cancelled));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SheetDocument(Guid id, string? format, string? language, [AsParameters] ApiCaller caller, Cycle2018Documents forms) =>
        FileOf(await forms.SheetForAsync(caller.UserId, id, language, format, caller.Cancelled));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CompetencySheetDocument(Guid id, string? format, string? language, [AsParameters] ApiCaller caller, Cycle2018Documents forms) =>
        FileOf(await forms.CompetencySheetForAsync(caller.UserId, id, language, format, caller.Cancelled));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProtocolDocument(Guid id, string? format, string? language, [AsParameters] ApiCaller caller, Cycle2018Documents forms) =>
        FileOf(await forms.ProtocolForAsync(caller.UserId, id, language, format, caller.Cancelled));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RefusalActDocument(Guid id, string? format, string? language, [AsParameters] ApiCaller caller, Cycle2018Documents forms) =>
        FileOf(await forms.RefusalActForAsync(caller.UserId, id, language, format, caller.Cancelled));

    private static DateOnly Today(TimeProvider clock) => KazakhstanClock.Today(clock);

    private static void Get(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status404NotFound);

    private static void Post(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static ProblemHttpResult Missing(LocalizedText field) => ApiProblems.From(WorkflowRefusals.Required(field));

    // ---- cycles and plans ----

    /// <summary>Under /bodies/{bodyId} the route names the body (a different bodyId in the request is refused); the alias takes it from the request.</summary>
    private static async Task<Results<Ok<CycleDto>, ProblemHttpResult>> OpenCycle(OpenCycleRequest request, Guid? bodyId, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock)
    {
        if (bodyId is { } routed && request.BodyId != Guid.Empty && request.BodyId != routed)
        {
            return ApiProblems.From(Refusals.InvalidInput(
                $"«bodyId» сұраудағы мемлекеттік органмен сәйкес келмейді",
                $"«bodyId» не совпадает с госорганом в адресе запроса",
                $"bodyId does not match the body in the request's path"));
        }

        return ApiProblems.Answer(await service.OpenCycleAsync(caller.UserId, bodyId ?? request.BodyId, request.PackId ?? string.Empty, request.Year, Today(clock), caller.Cancelled),
            o => new CycleDto(o.Cycle.Id, o.Cycle.StateBodyId, o.Cycle.PackId, o.Cycle.PackVersionId, o.Cycle.Year, o.Cycle.OpenedOn, o.PlansDrafted));
    }

    private static async Task<Results<Ok<PageDto<EligibilityDto>>, ProblemHttpResult>> Eligibility(Guid id, int? page, int? size, [AsParameters] ApiCaller caller, Evaluation2018Service service, IStringLocalizer<SharedResource> t)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return ApiProblems.Answer(await service.EligibilityAsync(caller.UserId, id, request, caller.Cancelled),
            p => PageDto<EligibilityDto>.Of(p, e => new EligibilityDto(e.ServantId, e.UnitId, e.Evaluate, e.Reason, e.Due, e.Clause)));
    }

    private static async Task<Results<Ok<PageDto<PlanDto>>, ProblemHttpResult>> Plans(Guid id, int? page, int? size, [AsParameters] ApiCaller caller, SheetService service, IStringLocalizer<SharedResource> t)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return ApiProblems.Answer(await service.PlansAsync(caller.UserId, id, request, caller.Cancelled), p => PageDto<PlanDto>.Of(p, PlanOf));
    }

    private static async Task<Results<Ok<BulkReportDto>, ProblemHttpResult>> SendSheets(Guid id, SendSheetsRequest? request, [AsParameters] ApiCaller caller, CommissionSending sending, TimeProvider clock) =>
        ApiProblems.Answer(await sending.SendAsync(caller.UserId, id, request?.Ids, Today(clock), caller.Cancelled), BulkReportDto.Of);

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> CycleResults(Guid id, string? format, [AsParameters] ApiCaller caller, Bagalau.Application.Results.ResultsExport export, RecordBodies bodies)
    {
        var bodyId = await bodies.BodyOfAsync("cycles", id, caller.Cancelled) ?? Guid.Empty;
        return await ResultsFiles.AnswerAsync(format, () => export.CycleAsync(caller.UserId, bodyId, id, ApiCaller.Language, caller.Cancelled));
    }

    private static PlanDto PlanOf(WorkPlan p) => new(p.Id, p.CycleId, p.ServantId, p.DirectSupervisorId, p.ApproverId, p.ApproverClause, KindIds.Id(p.State), p.Revision,
        p.ReturnReason, p.ResubmitDue, p.ResubmitClause, p.SubmittedOn, p.ApprovedOn,
        p.Kpis.Select(k => new PlanKpiDto(k.Number, k.Name, k.Unit, k.Planned, k.Due, k.Result, k.Source)).ToList(), p.Version);

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(Guid id, [AsParameters] ApiCaller caller, Evaluation2018Service service) =>
        ApiProblems.Answer(await service.GetPlanAsync(caller.UserId, id, caller.Cancelled), PlanOf);

    private static async Task<Results<Ok<PlanSheetsDto>, ProblemHttpResult>> PlanSheets(Guid id, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Answer(await service.SheetsOfPlanAsync(caller.UserId, id, caller.Cancelled), s => new PlanSheetsDto(s.PlanId, s.KpiSheetId, s.CompetencySheetId));

    private static async Task<Results<NoContent, ProblemHttpResult>> SetKpis(Guid id, KpisRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(request.Submit
            ? await service.SaveAndSubmitPlanAsync(caller.UserId, id, request.Version, request.Kpis ?? [], Today(clock), caller.Cancelled)
            : await service.SetKpisAsync(caller.UserId, id, request.Version, request.Kpis ?? [], caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> SubmitPlan(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.SubmitPlanAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReturnPlan(Guid id, ReasonRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.ReturnPlanAsync(caller.UserId, id, request.Version, request.Reason ?? string.Empty, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> ApprovePlan(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.ApprovePlanAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static NoteDto NoteOf(MonitoringNote n) => new(n.Id, n.PlanId, n.Quarter, n.Progress, n.Recommendations, n.RecordedOn, n.Version);

    private static async Task<Results<Ok<IReadOnlyList<NoteDto>>, ProblemHttpResult>> Notes(Guid id, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Answer<IReadOnlyList<MonitoringNote>, IReadOnlyList<NoteDto>>(await service.NotesAsync(caller.UserId, id, caller.Cancelled), n => n.Select(NoteOf).ToList());

    private static async Task<Results<Ok<NoteDto>, ProblemHttpResult>> RecordNote(Guid id, int quarter, NoteRequest request, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock) =>
        ApiProblems.Answer(await service.RecordNoteAsync(caller.UserId, id, quarter, request.Version, request.Progress ?? [], request.Recommendations, Today(clock), caller.Cancelled), NoteOf);

    // ---- KPI sheets and facts ----

    private static KpiSheetDto SheetOf(KpiSheet s) => new(s.Id, s.PlanId, s.ServantId, s.DirectSupervisorId, s.SuperiorId, KindIds.Id(s.State), s.Rows, s.Achieved, s.Grade, s.GradeClause,
        s.SignedOn, s.ReturnReason, s.ResubmitDue, s.AgreedOn, s.CommissionDue, s.CommissionDueClause, s.SentOn, s.SentLate, s.ReopenedByAppealId, s.Version);

    private static async Task<Results<Ok<KpiSheetDto>, ProblemHttpResult>> OpenSheet(Guid id, [AsParameters] ApiCaller caller, Evaluation2018Service service) =>
        ApiProblems.Answer(await service.OpenSheetAsync(caller.UserId, id, caller.Cancelled), SheetOf);

    private static async Task<Results<Ok<KpiSheetDto>, ProblemHttpResult>> GetSheet(Guid id, [AsParameters] ApiCaller caller, Evaluation2018Service service) =>
        ApiProblems.Answer(await service.GetSheetAsync(caller.UserId, id, caller.Cancelled), SheetOf);

    private static async Task<Results<NoContent, ProblemHttpResult>> FillSheet(Guid id, ResultsRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(request.Sign
            ? await service.FillAndSignSheetAsync(caller.UserId, id, request.Version, request.Results ?? [], Today(clock), caller.Cancelled)
            : await service.FillSheetAsync(caller.UserId, id, request.Version, request.Results ?? [], caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> SignSheet(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.SignSheetAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReturnSheet(Guid id, ReasonRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.ReturnSheetAsync(caller.UserId, id, request.Version, request.Reason ?? string.Empty, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> AgreeSheet(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.AgreeSheetAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> SendSheet(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, Evaluation2018Service service, TimeProvider clock) =>
        ApiProblems.Done(await service.SendSheetToCommissionAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static FactDto FactOf(KpiFactInfo f) => new(f.Id, f.SheetId, f.KpiNumber, f.FileName, f.ContentType, f.Length, f.UploadedOn);

    private static async Task<Results<Ok<IReadOnlyList<FactDto>>, ProblemHttpResult>> Facts(Guid id, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Answer<IReadOnlyList<KpiFactInfo>, IReadOnlyList<FactDto>>(await service.FactsAsync(caller.UserId, id, caller.Cancelled), f => f.Select(FactOf).ToList());

    private static async Task<Results<Ok<FactDto>, ProblemHttpResult>> AttachFact(
        Guid id, [FromForm] int? kpi, IFormFile? file, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock)
    {
        if (file is null)
        {
            return Missing(Fields.File);
        }

        if (kpi is null)
        {
            return Missing(Fields.Kpi);
        }

        if (FactFileRule.CheckSize(file.FileName, file.Length) is { } tooLarge)
        {
            return ApiProblems.From(tooLarge);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, caller.Cancelled);
        return ApiProblems.Answer(await service.AttachFactAsync(caller.UserId, id, kpi.Value, file.FileName, buffer.ToArray(), Today(clock), caller.Cancelled), FactOf);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadFact(Guid id, Guid factId, [AsParameters] ApiCaller caller, SheetService service)
    {
        var fact = await service.FactAsync(caller.UserId, id, factId, caller.Cancelled);
        return fact.Value is { } f ? TypedResults.File(f.Content, f.ContentType, f.FileName) : ApiProblems.From(fact.Refusal!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveFact(Guid id, Guid factId, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Done(await service.RemoveFactAsync(caller.UserId, id, factId, caller.Cancelled));

    // ---- competency sheets ----

    private static CompetencySheetDto CompetencySheetOf(CompetencySheetView v)
    {
        var s = v.Sheet;
        return new CompetencySheetDto(s.Id, s.CycleId, s.ServantId, s.DirectSupervisorId, s.Category, s.Qualifier, s.ProvidesPublicServices, s.Group, KindIds.Id(s.State),
            v.Competencies.Select(c => new CompetencyDto(c.Id, c.Title.In(ApiCaller.Language), c.Indicators, c.Observed, c.Result?.Level, c.Result?.Unobserved, c.Result?.Clause)).ToList(),
            s.SignedOn, s.SentOn, s.ReopenedByAppealId, s.Version);
    }

    private static async Task<Results<Ok<CompetencySheetDto>, ProblemHttpResult>> OpenCompetencySheet(Guid id, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock)
    {
        var userId = caller.UserId;
        var opened = await service.OpenCompetencySheetAsync(userId, id, Today(clock), caller.Cancelled);
        if (opened.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return ApiProblems.Answer(await service.CompetencySheetAsync(userId, opened.Value!.Id, caller.Cancelled), CompetencySheetOf);
    }

    private static async Task<Results<Ok<CompetencySheetDto>, ProblemHttpResult>> GetCompetencySheet(Guid id, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Answer(await service.CompetencySheetAsync(caller.UserId, id, caller.Cancelled), CompetencySheetOf);

    private static async Task<Results<NoContent, ProblemHttpResult>> Tick(Guid id, string competency, TickRequest request, [AsParameters] ApiCaller caller, SheetService service) =>
        ApiProblems.Done(await service.TickAsync(caller.UserId, id, request.Version, competency, request.Observed ?? [], caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkCompetencySheet(Guid id, MarksRequest request, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock)
    {
        // A JSON body may carry a null mark or leave a list out: say which field, never a 500.
        if ((request.Marks ?? []).Any(m => m is null || string.IsNullOrWhiteSpace(m.Competency)))
        {
            return ApiProblems.From(Refusals.InvalidInput(
                $"әр «marks» жолында «competency» көрсетілуі тиіс",
                $"в каждой строке «marks» нужен «competency»",
                $"every item of marks needs its competency"));
        }

        var marks = (request.Marks ?? []).Select(m => m with { Observed = m.Observed ?? [] }).ToList();
        return ApiProblems.Done(await service.MarkCompetencySheetAsync(caller.UserId, id, request.Version, marks, request.Sign, Today(clock), caller.Cancelled));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignCompetencySheet(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock) =>
        ApiProblems.Done(await service.SignCompetencySheetAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> SendCompetencySheet(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, SheetService service, TimeProvider clock) =>
        ApiProblems.Done(await service.SendCompetencySheetAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    // ---- commission, schedule, sittings ----

    private static CommissionDto CommissionOf(EvaluationCommission c) =>
        new(c.Id, c.CycleId, c.Seats.Select(s => new SeatDto(s.ServantId, KindIds.Id(s.Role))).ToList(), c.ComposedOn, c.Version);

    private static async Task<Results<Ok<CommissionDto>, ProblemHttpResult>> GetCommission(Guid id, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Answer(await service.CommissionAsync(caller.UserId, id, caller.Cancelled), CommissionOf);

    private static async Task<Results<Ok<CommissionDto>, ProblemHttpResult>> Compose(Guid id, CommissionRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Answer(await service.ComposeAsync(caller.UserId, id, request.Version, request.Seats ?? [], Today(clock), caller.Cancelled), CommissionOf);

    private static ScheduleDto ScheduleOf(CommissionSchedule s) =>
        new(s.Id, s.CycleId, s.CommissionId, KindIds.Id(s.State), s.Sittings, s.Servants, s.AgreedOn, s.NoticeDue, s.NoticeClause, s.Version);

    private static async Task<Ok<IReadOnlyList<ScheduleDto>>> Schedules(Guid id, [AsParameters] ApiCaller caller, CommissionService service) =>
        TypedResults.Ok<IReadOnlyList<ScheduleDto>>((await service.SchedulesAsync(caller.UserId, id, caller.Cancelled)).Select(ScheduleOf).ToList());

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> BuildSchedule(Guid id, ScheduleRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Answer(await service.BuildScheduleAsync(caller.UserId, id, request.Sittings ?? [], request.Servants ?? [], Today(clock), caller.Cancelled), ScheduleOf);

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> GetSchedule(Guid id, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Answer(await service.ScheduleOfAsync(caller.UserId, id, caller.Cancelled), ScheduleOf);

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeSchedule(Guid id, ScheduleRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Done(await service.ChangeScheduleAsync(caller.UserId, id, request.Version ?? -1, request.Sittings ?? [], request.Servants ?? [], Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> AgreeSchedule(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Done(await service.AgreeScheduleAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static SittingDto SittingOf(CommissionSitting s) => new(
        s.Id, s.CommissionId, s.CycleId, s.SittingOn, KindIds.Id(s.State),
        s.Seats.Select(x => new SeatDto(x.ServantId, KindIds.Id(x.Role))).ToList(),
        s.Present.ToList(), s.Agenda,
        s.Votes.Select(v => new VoteDto(v.ServantId, v.MemberId, KindIds.Id(v.Vote))).ToList(),
        s.Cases.Select(CaseOf).ToList(), s.ProtocolOn, s.ApprovedOn, s.Version);

    private static CaseDto CaseOf(CommissionCase c) =>
        new(c.ServantId, c.Decision, c.Clause, c.Approve, c.Revise, c.ChairVote is { } v ? KindIds.Id(v) : null, c.CorrectedGrade, c.Recommendations);

    private static async Task<Results<Ok<SittingDto>, ProblemHttpResult>> OpenSitting(Guid id, OpenSittingRequest request, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Answer(await service.OpenSittingAsync(caller.UserId, id, request.On, caller.Cancelled), SittingOf);

    private static async Task<Results<Ok<SittingDto>, ProblemHttpResult>> GetSitting(Guid id, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Answer(await service.SittingAsync(caller.UserId, id, caller.Cancelled), SittingOf);

    private static async Task<Results<NoContent, ProblemHttpResult>> Attendance(Guid id, AttendanceRequest request, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Done(await service.MarkPresentAsync(caller.UserId, id, request.Version, request.Present ?? [], caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> Vote(Guid id, VoteRequest request, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Done(await service.VoteAsync(caller.UserId, id, request.Version, request.ServantId, request.Vote ?? string.Empty, caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> RecordCase(Guid id, CaseRequest request, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Done(await service.RecordCaseAsync(caller.UserId, id, request.Version, request.ServantId, request.CorrectedGrade, request.Recommendations, caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> DrawProtocol(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Done(await service.DrawProtocolAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> ApproveProtocol(Guid id, VersionRequest request, [AsParameters] ApiCaller caller, CommissionService service, TimeProvider clock) =>
        ApiProblems.Done(await service.ApproveProtocolAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled));

    private static async Task<Results<Ok<ProtocolDto>, ProblemHttpResult>> Protocol(Guid id, [AsParameters] ApiCaller caller, CommissionService service) =>
        ApiProblems.Answer(await service.ProtocolAsync(caller.UserId, id, caller.Cancelled), p => new ProtocolDto(
            p.Sitting.Id, p.Sitting.SittingOn, KindIds.Id(p.Sitting.State), p.Sitting.ProtocolOn, p.Sitting.ApprovedOn, p.WorkingBody.In(ApiCaller.Language), p.WorkingBodyClause,
            p.Rows.Select(r => new ProtocolRowDto(r.ServantId, r.ServantName, r.KpiGrade, r.KpiGradeTitle?.In(ApiCaller.Language), r.CorrectedGrade, r.CorrectedGradeTitle?.In(ApiCaller.Language),
                r.CompetenciesMet, r.CompetenciesAssessed, r.Case.Decision, r.Case.Clause, r.Case.Recommendations, r.AcquaintanceId)).ToList()));

    // ---- appeals and refusal acts ----

    private static AppealDto AppealOf(EvaluationAppeal a) => new(a.Id, a.SittingId, a.ServantId, a.Body, a.DecisionOn, a.FiledOn, a.Due, a.DueClause,
        a.Outcome is { } o ? KindIds.Id(o) : null, a.OutcomeOn, a.OutcomeNote, a.Version);

    private static async Task<Results<Ok<AppealDto>, ProblemHttpResult>> FileAppeal(Guid id, AppealRequest request, [AsParameters] ApiCaller caller, AppealService service, TimeProvider clock)
    {
        if (request.FiledOn > Today(clock))
        {
            return ApiProblems.From(Refusals.InvalidInput($"«filedOn» {WorkflowRefusals.Day(request.FiledOn)} күні әлі келген жоқ", $"«filedOn» {WorkflowRefusals.Day(request.FiledOn)} ещё не наступил", $"filedOn {WorkflowRefusals.Day(request.FiledOn)} is in the future"));
        }

        return ApiProblems.Answer(await service.FileAsync(caller.UserId, id, request.ServantId, request.Body, request.FiledOn, caller.Cancelled), AppealOf);
    }

    private static async Task<Results<Ok<AppealDto>, ProblemHttpResult>> GetAppeal(Guid id, [AsParameters] ApiCaller caller, AppealService service) =>
        ApiProblems.Answer(await service.GetAsync(caller.UserId, id, caller.Cancelled), AppealOf);

    private static async Task<Results<NoContent, ProblemHttpResult>> AppealOutcome(Guid id, AppealOutcomeRequest request, [AsParameters] ApiCaller caller, AppealService service, TimeProvider clock) =>
        ApiProblems.Done(await service.RecordOutcomeAsync(caller.UserId, id, request.Version, request.Outcome ?? string.Empty, request.Note, Today(clock), caller.Cancelled));

    private static async Task<Results<NoContent, ProblemHttpResult>> RefusalAct(Guid id, RefusalActRequest request, [AsParameters] ApiCaller caller, AcquaintanceService service, TimeProvider clock)
    {
        if (request.Act is null)
        {
            return Missing(Fields.Act);
        }

        return ApiProblems.Done(await service.RecordRefusalAsync(caller.UserId, id, request.Version, request.Act, Today(clock), caller.Cancelled));
    }
}
