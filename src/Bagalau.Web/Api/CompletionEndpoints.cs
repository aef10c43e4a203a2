using Bagalau.Application.Tasks;
using Bagalau.Application.Time;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

public sealed record UnitCompletionDto(Guid UnitId, string UnitCode, string UnitName, int Done, int Open, int Overdue, int Total);

public sealed record CompletionDto(Guid CycleId, DateOnly Today, int Done, int Open, int Overdue, PageDto<UnitCompletionDto> Units);

/// <summary>HR's completion dashboard of one cycle or quarter round (the page Tasks/Completion), for scripts and the benchmark.</summary>
public static class CompletionEndpoints
{
    public static void MapCompletionEndpoints(this RouteGroupBuilder body) =>
        body.MapGet("/cycles/{cycleId:guid}/completion", Completion).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags("tasks").WithName("GetCycleCompletion")
            .WithSummary("HR: done, open and overdue tasks of a cycle (2018) or quarter round (2023) in total and per structural unit (paged by unit code: page, size <= 100), counted on Kazakhstan's today.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Ok<CompletionDto>, ProblemHttpResult>> Completion(
        Guid bodyId, Guid cycleId, int? page, int? size, TaskService tasks, TimeProvider clock, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        var ct = context.RequestAborted;
        var today = KazakhstanClock.Today(clock);
        var completion = await tasks.CompletionAsync(bodyId, cycleId, today, request, ct);
        return TypedResults.Ok(new CompletionDto(
            cycleId, today, completion.Done, completion.Open, completion.Overdue,
            PageDto<UnitCompletionDto>.Of(completion.Units, u => new UnitCompletionDto(u.UnitId, u.UnitCode, u.UnitName.In(ApiCaller.Language), u.Done, u.Open, u.Overdue, u.Total))));
    }
}
