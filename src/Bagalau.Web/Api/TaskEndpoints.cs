using System.Globalization;
using System.Security.Claims;
using Bagalau.Application.Acquaintance;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Tasks;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Bagalau.Application.Time;

namespace Bagalau.Web.Api;

public sealed record TaskDto(Guid Id, Guid BodyId, string Kind, string Name, string SubjectType, Guid SubjectId, DateOnly? Due, string DeadlineId, string? Clause, string Status, DateOnly? CompletedOn);

public sealed record NotificationDto(Guid Id, string Kind, string Text, DateOnly CreatedOn, DateOnly? ReadOn, Guid? TaskId);

public sealed record AcquaintanceDto(Guid Id, Guid ServantId, string Result, DateOnly ResultOn, DateOnly Due, string? DueClause, string State, DateOnly? CompletedOn, bool Late, int Version);

public sealed record VersionRequest(int Version);

/// <summary>My tasks, my notifications and acknowledging a result (shared by both families' workflows).</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("tasks");
        me.MapGet("/tasks", MyTasks)
            .WithName("ListMyTasks")
            .WithSummary("The signed-in user's open tasks (overdue first) with due date, clause and status; ?done=true adds done ones (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapGet("/notifications", MyNotifications)
            .WithName("ListMyNotifications")
            .WithSummary("The signed-in user's unread in-app notifications, newest first (paged).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var acquaintances = api.MapGroup("/acquaintances").WithTags("acquaintance");
        acquaintances.MapGet("/{id:guid}", GetAcquaintance)
            .WithName("GetAcquaintance")
            .WithSummary("A result to acquaint a servant with (the servant and HR only; the read is audited).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        acquaintances.MapPost("/{id:guid}/acknowledge", Acknowledge)
            .WithName("AcknowledgeResult")
            .WithSummary("The servant acknowledges the result; late acknowledgement is allowed and flagged.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static DateOnly Today(TimeProvider clock) => KazakhstanClock.Today(clock);

    private static async Task<Results<Ok<PageDto<TaskDto>>, ProblemHttpResult>> MyTasks(
        bool? done, int? page, int? size, HttpContext context, TaskService tasks, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        // The id claim Identity's UserManager.GetUserId reads, without building a UserManager per request.
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var result = await tasks.MyTasksAsync(userId, Today(clock), request, done == true, context.RequestAborted);
        return TypedResults.Ok(PageDto<TaskDto>.Of(result, v => new TaskDto(v.Id, v.StateBodyId, v.Kind, v.Name.In(ApiCaller.Language), v.SubjectType, v.SubjectId, v.Due, v.DeadlineId, v.Clause, v.Status, v.CompletedOn)));
    }

    private static async Task<Results<Ok<PageDto<NotificationDto>>, ProblemHttpResult>> MyNotifications(
        int? page, int? size, [AsParameters] ApiCaller caller, NotificationService notifications, IStringLocalizer<SharedResource> t)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        var userId = caller.UserId;
        var result = await notifications.MineAsync(userId, request, false, caller.Cancelled);
        return TypedResults.Ok(PageDto<NotificationDto>.Of(result, n => new NotificationDto(n.Id, n.Kind, n.Text.In(ApiCaller.Language), n.CreatedOn, n.ReadOn, n.TaskId)));
    }

    private static async Task<Results<Ok<AcquaintanceDto>, ProblemHttpResult>> GetAcquaintance(
        Guid id, [AsParameters] ApiCaller caller, AcquaintanceService service)
    {
        var outcome = await service.GetAsync(caller.UserId, id, caller.Cancelled);
        if (outcome.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var a = outcome.Value!;
        return TypedResults.Ok(new AcquaintanceDto(a.Id, a.ServantId, a.Result.In(ApiCaller.Language), a.ResultOn, a.Due, a.DueClause, Domain.Organisation.KindIds.Id(a.State), a.CompletedOn, a.Late, a.Version));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Acknowledge(
        Guid id, VersionRequest request, [AsParameters] ApiCaller caller, AcquaintanceService service, TimeProvider clock)
    {
        var outcome = await service.AcknowledgeAsync(caller.UserId, id, request.Version, Today(clock), caller.Cancelled);
        return outcome.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

}
