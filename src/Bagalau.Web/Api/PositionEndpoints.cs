using Bagalau.Application.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>Positions of a body: unit, category (D-O-3, C-4...) and qualifier.</summary>
public static class PositionEndpoints
{
    public static void MapPositionEndpoints(this RouteGroupBuilder body)
    {
        var positions = body.MapGroup("/positions").WithTags("positions");
        positions.MapGet("/", List).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("ListPositions").WithSummary("Positions by code, optionally of one unit (?unitId=; paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        positions.MapGet("/{positionId:guid}", Get).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("GetPosition").WithSummary("One position.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        positions.MapPost("/", Create).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("CreatePosition").WithSummary("Creates a position in a unit of the body.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        positions.MapPut("/{positionId:guid}", Update).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("UpdatePosition").WithSummary("Changes a position; send the version you read (409 when it changed since).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        positions.MapDelete("/{positionId:guid}", Delete).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("DeletePosition").WithSummary("Removes a position without appointments; ?version= is the version you read.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PageDto<PositionDto>>, ProblemHttpResult>> List(
        Guid bodyId, Guid? unitId, int? page, int? size, OrganisationService organisation, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(PageDto<PositionDto>.Of(await organisation.ListPositionsAsync(bodyId, unitId, request, context.RequestAborted), PositionDto.Of));
    }

    private static async Task<Results<Ok<PositionDto>, ProblemHttpResult>> Get(Guid bodyId, Guid positionId, OrganisationService organisation, HttpContext context) =>
        await organisation.GetPositionAsync(bodyId, positionId, context.RequestAborted) is { } position
            ? TypedResults.Ok(PositionDto.Of(position))
            : ApiErrors.One("not-found");

    private static async Task<Results<Created<PositionDto>, ProblemHttpResult>> Create(
        Guid bodyId, PositionRequest request, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.CreatePositionAsync(bodyId, request.ToInput(), context.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/bodies/{bodyId}/positions/{result.Value.Id}", PositionDto.Of(result.Value))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<PositionDto>, ProblemHttpResult>> Update(
        Guid bodyId, Guid positionId, PositionRequest request, OrganisationService organisation, HttpContext context)
    {
        if (request.Version is not { } version)
        {
            return ApiErrors.One("required", "version");
        }

        var result = await organisation.UpdatePositionAsync(bodyId, positionId, version, request.ToInput(), context.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(PositionDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid bodyId, Guid positionId, int version, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.DeletePositionAsync(bodyId, positionId, version, context.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
    }
}
