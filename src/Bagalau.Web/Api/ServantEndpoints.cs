using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>Servants of a body and their personal data.</summary>
public static class ServantEndpoints
{
    public static void MapServantEndpoints(this RouteGroupBuilder body)
    {
        var servants = body.MapGroup("/servants").WithTags("servants");
        servants.MapGet("/", List).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("ListServants").WithSummary("Servants by name; ?search= matches part of the name or the start of the IIN (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        servants.MapGet("/pick", Pick).RequireAuthorization(BodyPolicies.Member)
            .WithName("PickServant").WithSummary("The servant picker: at most 20 servants of the body whose name holds ?q= (Kazakh and Russian spellings alike: Сеитов finds Сейітов), by name; ?except= leaves out ids. Id and full name only.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        servants.MapGet("/{servantId:guid}", Get).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithName("GetServant").WithSummary("A servant with appointments, probation, absences, dismissals, sanctions and their own reporting lines.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        servants.MapPost("/", Create).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("CreateServant").WithSummary("Registers a servant (IIN checked, unique in the body).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        servants.MapPut("/{servantId:guid}", Update).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("UpdateServant").WithSummary("Corrects personal data; send the version you read (409 when it changed since).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        servants.MapDelete("/{servantId:guid}", Delete).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithName("DeleteServant").WithSummary("Removes a servant with all records and reporting lines; ?version= is the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        servants.MapRecordEndpoints();
    }

    private static async Task<Results<Ok<PageDto<ServantDto>>, ProblemHttpResult>> List(
        Guid bodyId, string? search, int? page, int? size, OrganisationService organisation, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(PageDto<ServantDto>.Of(await organisation.SearchServantsAsync(bodyId, search, request, context.RequestAborted), ServantDto.Of));
    }

    private static async Task<Ok<IReadOnlyList<ServantPickDto>>> Pick(
        Guid bodyId, string? q, Guid[]? except, ServantDirectory directory, HttpContext context) =>
        TypedResults.Ok<IReadOnlyList<ServantPickDto>>(
            [.. (await directory.PickAsync(bodyId, q, except ?? [], context.RequestAborted)).Select(s => new ServantPickDto(s.Id, s.Name))]);

    private static async Task<Results<Ok<ServantDetailDto>, ProblemHttpResult>> Get(
        Guid bodyId, Guid servantId, OrganisationService organisation, ServantLines lines, HttpContext context)
    {
        var servant = await organisation.GetServantAsync(bodyId, servantId, context.RequestAborted);
        if (servant is null)
        {
            return ApiErrors.One("not-found");
        }

        return TypedResults.Ok(Detail(servant, await lines.SupervisorsAsync(bodyId, servantId, context.RequestAborted)));
    }

    internal static ServantDetailDto Detail(Servant s, IEnumerable<ReportingLine> lines) => new(
        ServantDto.Of(s),
        s.Appointments.OrderBy(a => a.From).Select(AppointmentDto.Of).ToList(),
        s.Probations.OrderBy(p => p.From).Select(ProbationDto.Of).ToList(),
        s.Absences.OrderBy(a => a.From).Select(AbsenceDto.Of).ToList(),
        s.Dismissals.OrderBy(d => d.Date).Select(DismissalDto.Of).ToList(),
        s.Sanctions.OrderBy(x => x.Applied).Select(SanctionDto.Of).ToList(),
        lines.Select(ReportingLineDto.Of).ToList());

    private static async Task<Results<Created<ServantDto>, ProblemHttpResult>> Create(
        Guid bodyId, ServantRequest request, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.CreateServantAsync(bodyId, request.ToInput(), context.RequestAborted);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/bodies/{bodyId}/servants/{result.Value.Id}", ServantDto.Of(result.Value))
            : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<ServantDto>, ProblemHttpResult>> Update(
        Guid bodyId, Guid servantId, ServantRequest request, OrganisationService organisation, HttpContext context)
    {
        if (request.Version is not { } version)
        {
            return ApiErrors.One("required", "version");
        }

        var result = await organisation.UpdateServantAsync(bodyId, servantId, version, request.ToInput(), context.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(ServantDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid bodyId, Guid servantId, int version, OrganisationService organisation, HttpContext context)
    {
        var result = await organisation.DeleteServantAsync(bodyId, servantId, version, context.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
    }
}

/// <summary>One answer of the servant picker.</summary>
public sealed record ServantPickDto(Guid Id, string Name);
