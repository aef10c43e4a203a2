using Bagalau.Application.Acquaintance;
using Bagalau.Application.Persistence;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bagalau.Web.Api;

/// <summary>A line of the service record, its text in the request's language and in all three.</summary>
public sealed record ServiceRecordLineDto(Guid Id, DateOnly On, string SubjectType, Guid SubjectId, string Text, string TextKk, string TextRu, string TextEn);

/// <summary>A servant's service record: the results entered by acquaintance (issues 4 and 5).</summary>
public static class ServiceRecordEndpoints
{
    public static void MapServiceRecordEndpoints(this RouteGroupBuilder body)
    {
        body.MapGet("/servants/{servantId:guid}/service-record", List)
            .RequireAuthorization(BodyPolicies.Member)
            .WithTags("service-record").WithName("GetServiceRecord")
            .WithSummary("The servant's service record, newest first: each evaluation result and how the servant was acquainted (acknowledged, refusal act, notified by a recorded means; late flagged). Open to the servant and the body's HR; anyone else gets 404. Each reading is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceRecordLineDto>>, ProblemHttpResult>> List(
        Guid bodyId, Guid servantId, [AsParameters] ApiCaller caller, ServiceRecordService records)
    {
        var result = await records.OfServantAsync(caller.UserId, bodyId, servantId, caller.Cancelled);
        if (result.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return TypedResults.Ok<IReadOnlyList<ServiceRecordLineDto>>(result.Value!
            .Select(l => new ServiceRecordLineDto(l.Id, l.On, l.SubjectType, l.SubjectId, l.Text.In(ApiCaller.Language), l.Text.Kk, l.Text.Ru, l.Text.En))
            .ToList());
    }
}
