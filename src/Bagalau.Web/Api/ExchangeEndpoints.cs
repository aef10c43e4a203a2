using System.Globalization;
using Bagalau.Application.Audit;
using Bagalau.Application.Import;
using Bagalau.Web.Bodies;
using Bagalau.Web.Pages.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>Import and export of a body's organisation (docs/import-format.md), and its audit log.</summary>
public static class ExchangeEndpoints
{
    public static void MapExchangeEndpoints(this RouteGroupBuilder body)
    {
        body.MapPost("/import", Import).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags("import-export").WithName("ImportOrganisation")
            .WithSummary("Imports CSV/XLSX files (multipart field `files`; optional `kind` for CSV). All or nothing: a rejected import is a 400 problem `import-rejected` whose `issues` name file, sheet, row, column and reason.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new RequestSizeLimitAttribute(ImportLimits.MaxRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ImportLimits.MaxRequestBytes });
        body.MapGet("/export", Export).RequireAuthorization(BodyPolicies.EditOrganisation)
            .WithTags("import-export").WithName("ExportOrganisation")
            .WithSummary("Exports the organisation: ?format=xlsx (all kinds, default) or ?format=csv&kind=servants (one kind).")
            .Produces(StatusCodes.Status200OK, contentType: ExportFiles.XlsxType)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        body.MapGet("/audit", AuditRecords).RequireAuthorization(BodyPolicies.Administer)
            .WithTags("audit").WithName("ListAuditRecords")
            .WithSummary("The body's audit records, newest first (paged: page, size <= 100).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        body.MapPost("/audit/verify", Verify).RequireAuthorization(BodyPolicies.Administer)
            .WithTags("audit").WithName("VerifyAuditChain")
            .WithSummary("Checks the installation's whole hash chain: intact, or the first broken record and why.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> Import(
        Guid bodyId, [FromForm] IFormFileCollection files, [FromForm] string? kind, OrganisationImport import, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        var uploaded = files.Where(f => f.Length > 0).ToList();
        if (uploaded.Count == 0)
        {
            return ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "import-no-file");
        }

        ImportKind? csvKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!ImportFormat.TryParseKind(kind, out var parsed))
            {
                return ApiErrors.One("value-unknown", "kind", kind, ImportFormat.KindList);
            }

            csvKind = parsed;
        }

        var streams = uploaded.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var report = await import.ImportAsync(bodyId,
                uploaded.Select((f, i) => new ImportFile(Path.GetFileName(f.FileName), streams[i], csvKind)).ToList(), context.RequestAborted);
            if (report.Succeeded)
            {
                return TypedResults.Ok(new ImportResultDto(report.ChangedNothing, report.Counts.ToDictionary(c => ImportFormat.Id(c.Key), c => c.Value)));
            }

            var issues = report.Localise(CultureInfo.CurrentUICulture)
                .Select(i => new ImportIssueDto(i.Source, i.Sheet, i.Row, i.Column, i.Code, i.Message)).ToList();
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "import-rejected", t["error.import-rejected", issues.Count],
                extensions: new Dictionary<string, object?> { ["issues"] = issues });
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<IResult> Export(
        Guid bodyId, string? format, string? kind, BodyContext bodies, OrganisationExport export, TimeProvider clock)
    {
        var body = await bodies.CurrentBodyAsync();
        if (body is null)
        {
            return ApiErrors.One("not-found");
        }

        var today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        switch (format?.ToLowerInvariant())
        {
            case null or "" or "xlsx":
                return Results.Stream(stream => export.WriteXlsxAsync(bodyId, stream), ExportFiles.XlsxType, ExportFiles.Name(body.Code, null, "xlsx", today));
            case "csv" when ImportFormat.TryParseKind(kind, out var parsed):
                return Results.Stream(stream => export.WriteCsvAsync(bodyId, parsed, stream), ExportFiles.CsvType, ExportFiles.Name(body.Code, ImportFormat.Id(parsed), "csv", today));
            case "csv":
                return ApiErrors.One("value-unknown", "kind", kind ?? string.Empty, ImportFormat.KindList);
            default:
                return ApiErrors.One("value-unknown", "format", format, "xlsx, csv");
        }
    }

    private static async Task<Results<Ok<PageDto<AuditRecordDto>>, ProblemHttpResult>> AuditRecords(
        Guid bodyId, int? page, int? size, AuditLog audit, IStringLocalizer<SharedResource> t, HttpContext context)
    {
        if (!ApiErrors.TryPage(page, size, t, out var request, out var problem))
        {
            return problem!;
        }

        return TypedResults.Ok(PageDto<AuditRecordDto>.Of(await audit.ListAsync(bodyId, request, context.RequestAborted), AuditRecordDto.Of));
    }

    private static async Task<Ok<AuditVerificationDto>> Verify(AuditLog audit, HttpContext context) =>
        TypedResults.Ok(AuditVerificationDto.Of(await audit.VerifyAsync(context.RequestAborted)));
}
