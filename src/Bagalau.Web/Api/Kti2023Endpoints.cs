using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Api;

public sealed record KtiHeadDto(
    Guid ServantId, string FullName, DateOnly Appointed, bool Required, string Reason, string? Clause, DateOnly? PlanDue,
    Guid? PlanId, string? State, bool SetLate, DateOnly? ActualsDue, string? NotRequiredCode, string? NotRequiredMessage);

public sealed record KtiItemDto(int Number, string Name, string Unit, string Planned, DateOnly Due, string Result, string? Actual, decimal? AchievementPercent, decimal? Score, string? Comment);

public sealed record KtiTableRowDto(decimal FromPercent, decimal ToPercent, decimal MinScore, decimal MaxScore);

public sealed record KtiTableDto(string PackId, int Revision, string? Source, DateOnly? EnteredOn, IReadOnlyList<KtiTableRowDto> Rows, string Note);

/// <summary>A KTI plan; score, grade and per-KTI scores are null unless the user may see the result (oskemen 20).</summary>
public sealed record KtiPlanDto(
    Guid Id, Guid RoundId, Guid ServantId, string HeadName, Guid EvaluatorId, string EvaluatorName, string PackId, string VersionId, string Quarter,
    string State, string Participation, string TimingReason, DateOnly PlanDue, string PlanDueClause, bool SetLate, DateOnly? AgreedOn,
    DateOnly ActualsDue, string ActualsDueClause, bool ActualsLate, IReadOnlyList<KtiItemDto> Ktis,
    decimal? Score, string? Grade, string? ResultClause, int? TableRevision, int Version);

public sealed record KtiPlanSummaryDto(Guid Id, Guid RoundId, string Quarter, string HeadName, string State, DateOnly PlanDue, DateOnly ActualsDue, bool IsEvaluator);

public sealed record OpenKtiPlanRequest(Guid ServantId, Guid EvaluatorId);

public sealed record KtiInput(string? Name, string? Unit, string? Planned, string? Due, string? Result);

public sealed record SetKtisRequest(int Version, IReadOnlyList<KtiInput>? Ktis);

public sealed record KtiActualRequestItem(int Number, string? Actual, decimal? AchievementPercent);

public sealed record KtiActualsRequest(int Version, IReadOnlyList<KtiActualRequestItem>? Actuals);

public sealed record KtiScoreRequestItem(int Number, decimal Score, string? Comment);

public sealed record KtiScoresRequest(int Version, IReadOnlyList<KtiScoreRequestItem>? Scores);

public sealed record KtiPreviewDto(decimal Score, string Grade, bool TableApplied, string? Clause);

public sealed record KtiQuarterDto(int Quarter, string Status, decimal? Score, decimal? Share);

public sealed record KtiAnnualDto(int Year, string PackId, decimal Score, string Grade, string? Clause, int QuartersCounted, IReadOnlyList<KtiQuarterDto> Quarters);

public sealed record KtiTableRequest(int Revision, string? Source, IReadOnlyList<KtiTableRowDto>? Rows);

/// <summary>KTI plans of heads (oskemen chapter 2): /api/v1/bodies/{bodyId}/kti/...; same rules as the pages.</summary>
public static class Kti2023Endpoints
{
    public static void MapKti2023Endpoints(this RouteGroupBuilder body)
    {
        var kti = body.MapGroup("/kti").WithTags("kti").RequireAuthorization(BodyPolicies.Member);
        kti.MapGet("/rounds/{roundId:guid}/heads", Heads)
            .WithName("ListKtiHeads")
            .WithSummary("HR: the heads of units in the round's quarter, whether a KTI plan is required (clause 22, with the reason) and its deadline.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        kti.MapGet("/rounds/{roundId:guid}/plans", PlansOfRound)
            .WithName("ListKtiPlansOfRound")
            .WithSummary("The KTI plans of a round the user may open.");
        kti.MapPost("/rounds/{roundId:guid}/plans", Open)
            .WithName("OpenKtiPlan")
            .WithSummary("HR opens a head's KTI plan, naming the evaluator; refused with kti-not-required (clause 22) when under three months remain.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapGet("/plans/mine", Mine)
            .WithName("ListMyKtiPlans")
            .WithSummary("The KTI plans the user evaluates or is the head of.");
        kti.MapGet("/plans/{planId:guid}", Get)
            .WithName("GetKtiPlan")
            .WithSummary("One KTI plan (HR, the evaluator, the head); the result only for the head, the evaluator and the head of HR; the read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        kti.MapPut("/plans/{planId:guid}/ktis", SetKtis)
            .WithName("SetKtis")
            .WithSummary("The evaluator or HR writes 3-5 KTIs (clause 23); refused once agreed (frozen).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapPost("/plans/{planId:guid}/agree", Agree)
            .WithName("AgreeKtiPlan")
            .WithSummary("HR agrees the plan (clause 22): frozen; agreed after the deadline is flagged late; HR's actual-values task is created.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapPut("/plans/{planId:guid}/actuals", Actuals)
            .WithName("EnterKtiActuals")
            .WithSummary("HR enters the pre-computed actual value (and achievement %) of every KTI, due 5 working days before the last evaluation day (clause 22).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapPost("/plans/{planId:guid}/preview", Preview)
            .WithName("PreviewKtiScore")
            .WithSummary("The evaluator: the engine's kti-score for the given scores; nothing is saved.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapPost("/plans/{planId:guid}/score", Score)
            .WithName("ScoreKtis")
            .WithSummary("The evaluator scores each KTI 0-5 (clause 27), within the permitted-score table when one is entered.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapGet("/heads/{servantId:guid}/annual/{year:int}", Annual)
            .WithName("GetKtiAnnualScore")
            .WithSummary("The head's annual KTI grade: the average of the scored quarters (clause 4, engine annual-score) with each quarter's contribution.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        kti.MapGet("/tables/{packId}", Table)
            .WithName("GetKtiScoreTable")
            .WithSummary("The body's permitted-score table in force for the pack (revision 0 and no rows when none is entered: only 0-5 is checked).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        kti.MapPut("/tables/{packId}", EnterTable)
            .WithName("EnterKtiScoreTable")
            .WithSummary("HR enters a new revision of the permitted-score table (revision = the one read; stale is 409).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<IReadOnlyList<KtiHeadDto>>, ProblemHttpResult>> Heads(
        Guid bodyId, Guid roundId, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var result = await service.HeadsAsync(caller.UserId, bodyId, roundId, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return TypedResults.Ok<IReadOnlyList<KtiHeadDto>>(result.Value!.Select(h => new KtiHeadDto(
            h.ServantId, h.FullName, h.Appointed, h.Required, h.Reason, h.Clause, h.PlanDue, h.PlanId, h.State, h.SetLate, h.ActualsDue,
            h.NotRequired?.Code, h.NotRequired?.Message.In(ApiCaller.Language))).ToList());
    }

    private static async Task<Ok<IReadOnlyList<KtiPlanSummaryDto>>> PlansOfRound(
        Guid bodyId, Guid roundId, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var plans = await service.PlansOfRoundAsync(caller.UserId, bodyId, roundId, caller.Cancelled);
        return TypedResults.Ok<IReadOnlyList<KtiPlanSummaryDto>>(plans.Select(Summary).ToList());
    }

    private static async Task<Ok<IReadOnlyList<KtiPlanSummaryDto>>> Mine(
        Guid bodyId, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var plans = await service.MyPlansAsync(caller.UserId, bodyId, caller.Cancelled);
        return TypedResults.Ok<IReadOnlyList<KtiPlanSummaryDto>>(plans.Select(Summary).ToList());
    }

    private static async Task<Results<Created<KtiPlanDto>, ProblemHttpResult>> Open(
        Guid bodyId, Guid roundId, OpenKtiPlanRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var userId = caller.UserId;
        var result = await service.OpenAsync(userId, bodyId, roundId, request.ServantId, request.EvaluatorId, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await service.GetAsync(userId, bodyId, result.Value!.Id, caller.Cancelled);
        return TypedResults.Created($"/api/v1/bodies/{bodyId}/kti/plans/{result.Value.Id}", Dto(view.Value!));
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> Get(
        Guid bodyId, Guid planId, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var view = await service.GetAsync(caller.UserId, bodyId, planId, caller.Cancelled);
        return ApiProblems.Answer(view, Dto);
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> SetKtis(
        Guid bodyId, Guid planId, SetKtisRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var entries = new List<KpiEntry>();
        foreach (var k in request.Ktis ?? [])
        {
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(k.Due))
            {
                if (!DateOnly.TryParseExact(k.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return ApiProblems.From(Refusals.InvalidInput($"мерзімі 2024-06-30 түріндегі күн болуы тиіс, берілгені «{k.Due}»", $"срок должен быть датой вида 2024-06-30, указано «{k.Due}»", $"due must be a date like 2024-06-30, found '{k.Due}'"));
                }

                due = parsed;
            }

            entries.Add(new KpiEntry(k.Name, k.Unit, k.Planned, due, k.Result));
        }

        var userId = caller.UserId;
        var result = await service.SetKtisAsync(userId, bodyId, planId, request.Version, entries, caller.Cancelled);
        return await AfterAsync(result, userId, bodyId, planId, service, caller);
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> Agree(
        Guid bodyId, Guid planId, VersionRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var userId = caller.UserId;
        var result = await service.AgreeAsync(userId, bodyId, planId, request.Version, caller.Cancelled);
        return await AfterAsync(result, userId, bodyId, planId, service, caller);
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> Actuals(
        Guid bodyId, Guid planId, KtiActualsRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var userId = caller.UserId;
        var actuals = (request.Actuals ?? []).Select(a => new KtiActualInput(a.Number, a.Actual, a.AchievementPercent)).ToList();
        var result = await service.EnterActualsAsync(userId, bodyId, planId, request.Version, actuals, caller.Cancelled);
        return await AfterAsync(result, userId, bodyId, planId, service, caller);
    }

    private static async Task<Results<Ok<KtiPreviewDto>, ProblemHttpResult>> Preview(
        Guid bodyId, Guid planId, KtiScoresRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var scores = (request.Scores ?? []).Select(s => new KtiScoreEntry(s.Number, s.Score, s.Comment)).ToList();
        var result = await service.PreviewAsync(caller.UserId, bodyId, planId, scores, caller.Cancelled);
        return result.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Ok(new KtiPreviewDto(result.Value!.Score, result.Value.Grade, result.Value.TableApplied, result.Value.Clause));
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> Score(
        Guid bodyId, Guid planId, KtiScoresRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var userId = caller.UserId;
        var scores = (request.Scores ?? []).Select(s => new KtiScoreEntry(s.Number, s.Score, s.Comment)).ToList();
        var result = await service.ScoreAsync(userId, bodyId, planId, request.Version, scores, caller.Cancelled);
        return await AfterAsync(result, userId, bodyId, planId, service, caller);
    }

    private static async Task<Results<Ok<KtiAnnualDto>, ProblemHttpResult>> Annual(
        Guid bodyId, Guid servantId, int year, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var result = await service.AnnualAsync(caller.UserId, bodyId, servantId, year, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var a = result.Value!;
        return TypedResults.Ok(new KtiAnnualDto(a.Year, a.PackId, a.Score, a.Grade, a.Clause, a.QuartersCounted,
            a.Quarters.Select(q => new KtiQuarterDto(q.Quarter, q.Status, q.Score, q.Share)).ToList()));
    }

    private static async Task<Results<Ok<KtiTableDto>, ProblemHttpResult>> Table(
        Guid bodyId, string packId, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var result = await service.TableAsync(caller.UserId, bodyId, packId, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(TableDto(packId, result.Value));
    }

    private static async Task<Results<Ok<KtiTableDto>, ProblemHttpResult>> EnterTable(
        Guid bodyId, string packId, KtiTableRequest request, [AsParameters] ApiCaller caller, KtiPlanService service)
    {
        var rows = (request.Rows ?? []).Select(r => new PermittedScoreRow(r.FromPercent, r.ToPercent, r.MinScore, r.MaxScore)).ToList();
        var result = await service.EnterTableAsync(caller.UserId, bodyId, packId, request.Revision, request.Source, rows, caller.Cancelled);
        return result.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.Ok(TableDto(packId, result.Value));
    }

    private static async Task<Results<Ok<KtiPlanDto>, ProblemHttpResult>> AfterAsync(
        Outcome<KtiPlan> result, string userId, Guid bodyId, Guid planId, KtiPlanService service, ApiCaller caller)
    {
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var view = await service.GetAsync(userId, bodyId, planId, caller.Cancelled);
        return ApiProblems.Answer(view, Dto);
    }

    /// <summary>The product says when no table is entered (the act's Appendix 3 is not in the seed).</summary>
    private static KtiTableDto TableDto(string packId, KtiTableView? table) => table is null
        ? new KtiTableDto(packId, 0, null, null, [], NoTableNote.In(ApiCaller.Language))
        : new KtiTableDto(packId, table.Revision, table.Source, table.EnteredOn, table.Rows.Select(r => new KtiTableRowDto(r.FromPercent, r.ToPercent, r.MinScore, r.MaxScore)).ToList(), TableNote.In(ApiCaller.Language));

    internal static readonly Domain.Packs.LocalizedText NoTableNote = new(
        "Рұқсат етілген баға кестесі (Үлгілік әдістеменің 3-қосымшасы) әдістемеде жоқ және әлі енгізілмеген: ТНИ бағасы тек 0-ден 5-ке дейін тексеріледі (27-тармақ).",
        "Таблица допустимых оценок (приложение 3 Типовой методики) в методике отсутствует и ещё не введена: оценка КЦИ проверяется только в пределах 0–5 (пункт 27).",
        "The permitted-score table (Appendix 3 of the model methodology) is not in the pack and has not been entered: a KTI score is only checked to be within 0-5 (clause 27).");

    internal static readonly Domain.Packs.LocalizedText TableNote = new(
        "ТНИ бағалары осы кесте бойынша тексеріледі (27-тармақ).",
        "Оценки КЦИ проверяются по этой таблице (пункт 27).",
        "KTI scores are checked against this table (clause 27).");

    private static KtiPlanSummaryDto Summary(KtiPlanSummary s) => new(s.Id, s.RoundId, s.Quarter, s.HeadName, s.State, s.PlanDue, s.ActualsDue, s.IsEvaluator);

    private static KtiPlanDto Dto(KtiPlanView v)
    {
        var p = v.Plan;
        var visible = v.ResultVisible;
        return new KtiPlanDto(
            p.Id, p.RoundId, p.ServantId, v.HeadName, p.EvaluatorId, v.EvaluatorName, p.PackId, p.VersionId, p.Period.ToString(),
            KindIds.Id(p.State), p.Participation, p.TimingReason, p.PlanDue, p.PlanDueClause, p.SetLate, p.AgreedOn,
            p.ActualsDue, p.ActualsDueClause, p.ActualsLate,
            v.Items.Select(i => new KtiItemDto(i.Number, i.Name, i.Unit, i.Planned, i.Due, i.Result, i.Actual, i.AchievementPercent, i.Score, i.Comment)).ToList(),
            visible ? p.Score : null, visible ? p.Grade : null, visible ? p.ResultClause : null, visible ? p.TableRevision : null, p.Version);
    }
}
