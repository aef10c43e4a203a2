using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>
/// A servant's records: appointments, probation periods, absences, dismissals, sanctions and
/// reporting lines. Changes send the version of the record they read (409 when it changed).
/// </summary>
public static class RecordEndpoints
{
    public static void MapRecordEndpoints(this RouteGroupBuilder servants)
    {
        var one = servants.MapGroup("/{servantId:guid}");

        Crud<AppointmentRequest, AppointmentDto>(one, "appointments", "Appointment", "an appointment to a position (to empty: still holds it; no overlaps)",
            AddAppointment, UpdateAppointment, (o, b, s, r, v, ct) => o.RemoveAppointmentAsync(b, s, r, v, ct));
        Crud<ProbationRequest, ProbationDto>(one, "probations", "Probation", "a probation period",
            AddProbation, UpdateProbation, (o, b, s, r, v, ct) => o.RemoveProbationAsync(b, s, r, v, ct));
        Crud<AbsenceRequest, AbsenceDto>(one, "absences", "Absence", "an absence (kind: leave, unpaid-leave, sick, trip, internship, training, social-leave)",
            AddAbsence, UpdateAbsence, (o, b, s, r, v, ct) => o.RemoveAbsenceAsync(b, s, r, v, ct));
        Crud<DismissalRequest, DismissalDto>(one, "dismissals", "Dismissal", "a dismissal",
            AddDismissal, UpdateDismissal, (o, b, s, r, v, ct) => o.RemoveDismissalAsync(b, s, r, v, ct));
        Crud<SanctionRequest, SanctionDto>(one, "sanctions", "Sanction", "a disciplinary sanction (kind: remark, reprimand, severe-reprimand, incomplete-compliance-warning, demotion, dismissal, other)",
            AddSanction, UpdateSanction, (o, b, s, r, v, ct) => o.RemoveSanctionAsync(b, s, r, v, ct));

        one.MapGet("/reporting-lines", ListLines).RequireAuthorization(BodyPolicies.ReadOrganisation)
            .WithTags("reporting-lines").WithName("ListReportingLines")
            .WithSummary("Reporting lines where the servant is the subordinate (first) or the supervisor (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        one.MapPut("/reporting-lines/{kind}", SetLine).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags("reporting-lines").WithName("SetReportingLine")
            .WithSummary("Sets the servant's line of a kind (direct-supervisor, superior, first-head, authorized-person); no cycles of direct supervisors.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        one.MapDelete("/reporting-lines/{lineId:guid}", RemoveLine).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags("reporting-lines").WithName("RemoveReportingLine")
            .WithSummary("Removes a reporting line of the servant; ?version= is the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private delegate Task<Results<Created<TDto>, ProblemHttpResult>> Add<TRequest, TDto>(
        Guid bodyId, Guid servantId, TRequest request, OrganisationService organisation, HttpContext context);

    private delegate Task<Results<Ok<TDto>, ProblemHttpResult>> Change<TRequest, TDto>(
        Guid bodyId, Guid servantId, Guid recordId, TRequest request, OrganisationService organisation, HttpContext context);

    private static void Crud<TRequest, TDto>(
        RouteGroupBuilder one, string path, string name, string what,
        Add<TRequest, TDto> add, Change<TRequest, TDto> change,
        Func<OrganisationService, Guid, Guid, Guid, int, CancellationToken, Task<Result>> remove)
    {
        one.MapPost("/" + path, add).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags(path).WithName("Add" + name).WithSummary("Adds " + what + ".")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        one.MapPut("/" + path + "/{recordId:guid}", change).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags(path).WithName("Update" + name).WithSummary("Changes " + what + "; send the version you read.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        one.MapDelete("/" + path + "/{recordId:guid}",
                async Task<Results<NoContent, ProblemHttpResult>> (Guid bodyId, Guid servantId, Guid recordId, int version, OrganisationService organisation, HttpContext context) =>
                {
                    var result = await remove(organisation, bodyId, servantId, recordId, version, context.RequestAborted);
                    return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
                })
            .RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags(path).WithName("Remove" + name).WithSummary("Removes " + what + "; ?version= is the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    // Appointments

    private static async Task<Results<Created<AppointmentDto>, ProblemHttpResult>> AddAppointment(
        Guid bodyId, Guid servantId, AppointmentRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("positionId", request.PositionId is null), ("from", request.From is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.AddAppointmentAsync(bodyId, servantId, new AppointmentInput(request.PositionId!.Value, request.From!.Value, request.To), context.RequestAborted);
        return result.IsSuccess ? Created(bodyId, servantId, "appointments", result.Value.Id, AppointmentDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<AppointmentDto>, ProblemHttpResult>> UpdateAppointment(
        Guid bodyId, Guid servantId, Guid recordId, AppointmentRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("positionId", request.PositionId is null), ("from", request.From is null), ("version", request.Version is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.UpdateAppointmentAsync(bodyId, servantId, recordId, request.Version!.Value,
            new AppointmentInput(request.PositionId!.Value, request.From!.Value, request.To), context.RequestAborted);
        return await Reread(result, organisation, bodyId, servantId, s => s.Appointments.FirstOrDefault(a => a.Id == recordId), AppointmentDto.Of, context);
    }

    // Probation

    private static async Task<Results<Created<ProbationDto>, ProblemHttpResult>> AddProbation(
        Guid bodyId, Guid servantId, ProbationRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("from", request.From is null), ("to", request.To is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.AddProbationAsync(bodyId, servantId, new ProbationInput(request.From!.Value, request.To!.Value), context.RequestAborted);
        return result.IsSuccess ? Created(bodyId, servantId, "probations", result.Value.Id, ProbationDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<ProbationDto>, ProblemHttpResult>> UpdateProbation(
        Guid bodyId, Guid servantId, Guid recordId, ProbationRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("from", request.From is null), ("to", request.To is null), ("version", request.Version is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.UpdateProbationAsync(bodyId, servantId, recordId, request.Version!.Value,
            new ProbationInput(request.From!.Value, request.To!.Value), context.RequestAborted);
        return await Reread(result, organisation, bodyId, servantId, s => s.Probations.FirstOrDefault(p => p.Id == recordId), ProbationDto.Of, context);
    }

    // Absences

    private static async Task<Results<Created<AbsenceDto>, ProblemHttpResult>> AddAbsence(
        Guid bodyId, Guid servantId, AbsenceRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("from", request.From is null), ("to", request.To is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.AddAbsenceAsync(bodyId, servantId, new AbsenceInput(request.Kind ?? string.Empty, request.From!.Value, request.To!.Value), context.RequestAborted);
        return result.IsSuccess ? Created(bodyId, servantId, "absences", result.Value.Id, AbsenceDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<AbsenceDto>, ProblemHttpResult>> UpdateAbsence(
        Guid bodyId, Guid servantId, Guid recordId, AbsenceRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("from", request.From is null), ("to", request.To is null), ("version", request.Version is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.UpdateAbsenceAsync(bodyId, servantId, recordId, request.Version!.Value,
            new AbsenceInput(request.Kind ?? string.Empty, request.From!.Value, request.To!.Value), context.RequestAborted);
        return await Reread(result, organisation, bodyId, servantId, s => s.Absences.FirstOrDefault(a => a.Id == recordId), AbsenceDto.Of, context);
    }

    // Dismissals

    private static async Task<Results<Created<DismissalDto>, ProblemHttpResult>> AddDismissal(
        Guid bodyId, Guid servantId, DismissalRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("date", request.Date is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.DismissAsync(bodyId, servantId, new DismissalInput(request.Date!.Value, request.Note), context.RequestAborted);
        return result.IsSuccess ? Created(bodyId, servantId, "dismissals", result.Value.Id, DismissalDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<DismissalDto>, ProblemHttpResult>> UpdateDismissal(
        Guid bodyId, Guid servantId, Guid recordId, DismissalRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("date", request.Date is null), ("version", request.Version is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.UpdateDismissalAsync(bodyId, servantId, recordId, request.Version!.Value,
            new DismissalInput(request.Date!.Value, request.Note), context.RequestAborted);
        return await Reread(result, organisation, bodyId, servantId, s => s.Dismissals.FirstOrDefault(d => d.Id == recordId), DismissalDto.Of, context);
    }

    // Sanctions

    private static async Task<Results<Created<SanctionDto>, ProblemHttpResult>> AddSanction(
        Guid bodyId, Guid servantId, SanctionRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("applied", request.Applied is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.AddSanctionAsync(bodyId, servantId,
            new SanctionInput(request.Kind ?? string.Empty, request.Applied!.Value, request.Lifted, request.Note), context.RequestAborted);
        return result.IsSuccess ? Created(bodyId, servantId, "sanctions", result.Value.Id, SanctionDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<Ok<SanctionDto>, ProblemHttpResult>> UpdateSanction(
        Guid bodyId, Guid servantId, Guid recordId, SanctionRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("applied", request.Applied is null), ("version", request.Version is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.UpdateSanctionAsync(bodyId, servantId, recordId, request.Version!.Value,
            new SanctionInput(request.Kind ?? string.Empty, request.Applied!.Value, request.Lifted, request.Note), context.RequestAborted);
        return await Reread(result, organisation, bodyId, servantId, s => s.Sanctions.FirstOrDefault(x => x.Id == recordId), SanctionDto.Of, context);
    }

    // Reporting lines

    private static async Task<Results<Ok<PageDto<ReportingLineDto>>, ProblemHttpResult>> ListLines(
        Guid bodyId, Guid servantId, int? page, int? size, ServantDirectory servants, ServantLines lines, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        var ct = context.RequestAborted;
        if (!await servants.IsInBodyAsync(bodyId, servantId, ct))
        {
            return ApiErrors.One("not-found");
        }

        // The servant's own lines first, then those of their subordinates.
        return TypedResults.Ok(PageDto<ReportingLineDto>.Of(await lines.AroundAsync(bodyId, servantId, request, ct), ReportingLineDto.Of));
    }

    private static async Task<Results<Ok<ReportingLineDto>, ProblemHttpResult>> SetLine(
        Guid bodyId, Guid servantId, string kind, ReportingLineRequest request, OrganisationService organisation, HttpContext context)
    {
        if (Missing(("supervisorId", request.SupervisorId is null)) is { } missing)
        {
            return missing;
        }

        var result = await organisation.SetReportingLineAsync(bodyId, new ReportingLineInput(servantId, kind, request.SupervisorId!.Value), request.Version, context.RequestAborted);
        return result.IsSuccess ? TypedResults.Ok(ReportingLineDto.Of(result.Value)) : ApiErrors.From(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveLine(
        Guid bodyId, Guid servantId, Guid lineId, int version, OrganisationService organisation, ServantLines lines, HttpContext context)
    {
        if (!await lines.ConcernsAsync(bodyId, lineId, servantId, context.RequestAborted))
        {
            return ApiErrors.One("not-found");
        }

        var result = await organisation.RemoveReportingLineAsync(bodyId, lineId, version, context.RequestAborted);
        return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
    }

    // Helpers

    private static ProblemHttpResult? Missing(params (string Field, bool IsMissing)[] fields)
    {
        var errors = fields.Where(f => f.IsMissing).Select(f => new ValidationError("required", f.Field)).ToList();
        return errors.Count == 0 ? null : ApiErrors.From(errors);
    }

    private static Created<T> Created<T>(Guid bodyId, Guid servantId, string path, Guid id, T dto) =>
        TypedResults.Created($"/api/v1/bodies/{bodyId}/servants/{servantId}/{path}/{id}", dto);

    /// <summary>After a change: the record as saved (with its new version).</summary>
    private static async Task<Results<Ok<TDto>, ProblemHttpResult>> Reread<TRecord, TDto>(
        Result result, OrganisationService organisation, Guid bodyId, Guid servantId, Func<Servant, TRecord?> find, Func<TRecord, TDto> map, HttpContext context)
        where TRecord : class
    {
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result);
        }

        var servant = await organisation.GetServantAsync(bodyId, servantId, context.RequestAborted);
        return servant is not null && find(servant) is { } record ? TypedResults.Ok(map(record)) : ApiErrors.One("not-found");
    }
}
