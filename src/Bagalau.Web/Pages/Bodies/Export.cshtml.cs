using Bagalau.Application.Import;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>Downloads the body's organisation in the import format (XLSX workbook or one CSV per kind).</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class ExportModel(OrganisationExport export, TimeProvider clock) : BodyPageModel
{
    public IReadOnlyList<string> Kinds { get; } = ImportFormat.Kinds.Select(ImportFormat.Id).ToList();

    public void OnGet()
    {
    }

    public IActionResult OnGetXlsx() =>
        new StreamedFileResult(ExportFiles.XlsxType, ExportFiles.Name(Body.Code, null, "xlsx", Today),
            (stream, ct) => export.WriteXlsxAsync(BodyId, stream, null, ct));

    public IActionResult OnGetCsv(string? kind)
    {
        if (!ImportFormat.TryParseKind(kind, out var parsed))
        {
            return NotFound();
        }

        return new StreamedFileResult(ExportFiles.CsvType, ExportFiles.Name(Body.Code, ImportFormat.Id(parsed), "csv", Today),
            (stream, ct) => export.WriteCsvAsync(BodyId, parsed, stream, ct));
    }

    private DateOnly Today => Bagalau.Application.Time.KazakhstanClock.Today(clock);
}
