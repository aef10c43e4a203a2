using Bagalau.Application.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>Structural units of a body (a tree: parentId).</summary>
public static class UnitEndpoints
{
    public static void MapUnitEndpoints(this RouteGroupBuilder body)
    {
        var units = body.MapGroup("/units").WithTags("units");
        units.MapGet("/", List).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("ListUnits").WithSummary("Units of the body by code (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        units.MapGet("/{unitId:guid}", Get).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("GetUnit").WithSummary("One unit.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPost("/", Create).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("CreateUnit").WithSummary("Creates a unit (code unique in the body; parentId optional).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        units.MapPut("/{unitId:guid}", Update).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("UpdateUnit").WithSummary("Renames or moves a unit; send the version you read (409 when it changed since).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        units.MapDelete("/{unitId:guid}", Delete).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("DeleteUnit").WithSummary("Removes an empty unit; ?version= is the version you read.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<PageDto<UnitDto>>, ProblemHttpResult>> List(
        Guid bodyId, int? page, int? size, OrganisationService organisation, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(PageDto<UnitDto>.Of(await organisation.PageUnitsAsync(bodyId, request, context.RequestAborted), UnitDto.Of));
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> Get(Guid bodyId, Guid unitId, OrganisationService organisation, HttpContext context) =>
        await organisation.GetUnitAsync(bodyId, unitId, context.RequestAborted) is { } unit
            ? TypedResults.Ok(UnitDto.Of(unit))
            : ApiErrors.One("not-found");

    private static async Task<Results<Created<UnitDto>, ProblemHttpResult>> Create(
        Guid bodyId, UnitRequest request, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.CreateUnitAsync(bodyId, request.ToInput(), context.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/bodies/{bodyId}/units/{result.Value.Id}", UnitDto.Of(result.Value))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<UnitDto>, ProblemHttpResult>> Update(
        Guid bodyId, Guid unitId, UnitRequest request, OrganisationService organisation, HttpContext context)
    {
        if (request.Version is not { } version)
        {
            return ApiErrors.One("required", "version");
        }

        var result = await organisation.UpdateUnitAsync(bodyId, unitId, version, request.ToInput(), context.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(UnitDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid bodyId, Guid unitId, int version, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.DeleteUnitAsync(bodyId, unitId, version, context.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
    }
}
