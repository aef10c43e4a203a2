using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>The state bodies of the signed-in user.</summary>
public static class BodyEndpoints
{
    public static RouteGroupBuilder MapBodyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/bodies", ListBodies)
            .WithTags("bodies")
            .WithName("ListBodies")
            .WithSummary("The state bodies the user belongs to, with the user's roles there (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        var body = api.MapGroup("/bodies/{bodyId:guid}").WithTags("bodies");
        body.MapGet("/", GetBody)
            .RequireAuthorization(BodyPolicies.Member)
            .WithName("GetBody")
            .WithSummary("One state body of the user.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        body.MapGet("/counts", Counts)
            .RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("GetBodyCounts")
            .WithSummary("How many units, positions and servants the body has.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return body;
    }

    private static async Task<Results<Ok<PageDto<BodyDto>>, ProblemHttpResult>> ListBodies(
        int? page, int? size, [AsParameters] ApiCaller caller, BodyAccess access, OrganisationService organisation, IStringLocalizer<SharedResource> t)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        var roles = await access.RolesByBodyAsync(caller.UserId, caller.Cancelled);
        var bodies = await organisation.ListBodiesAsync(roles.Select(g => g.Key).ToList(), request, caller.Cancelled);
        return TypedResults.Ok(PageDto<BodyDto>.Of(bodies, b => BodyDto.Of(b, roles[b.Id])));
    }

    private static async Task<Results<Ok<BodyDto>, NotFound>> GetBody(Guid bodyId, BodyContext bodies)
    {
        var body = await bodies.CurrentBodyAsync();
        return body is null ? TypedResults.NotFound() : TypedResults.Ok(BodyDto.Of(body, await bodies.RolesInAsync(bodyId)));
    }

    private static async Task<Ok<BodyCountsDto>> Counts(Guid bodyId, OrganisationService organisation, HttpContext context)
    {
        var counts = await organisation.CountAsync(bodyId, context.RequestAborted);
        return TypedResults.Ok(new BodyCountsDto(counts.Units, counts.Positions, counts.Servants));
    }
}
