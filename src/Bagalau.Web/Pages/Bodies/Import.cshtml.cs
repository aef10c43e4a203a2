using System.Globalization;
using Bagalau.Application.Import;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>
/// HR uploads CSV or XLSX files of the body's organisation. The import is all or nothing: the
/// page shows either the full list of problems (file, row, column, reason) or what was saved.
/// </summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
[RequestSizeLimit(ImportLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportLimits.MaxRequestBytes)]
public sealed class ImportModel(OrganisationImport import, IStringLocalizer<SharedResource> t) : BodyPageModel
{
    /// <summary>The kind of CSV files when their header does not say it; empty = from the header.</summary>
    [BindProperty]
    public string? Kind { get; set; }

    public IReadOnlyList<string> Kinds { get; } = ImportFormat.Kinds.Select(ImportFormat.Id).ToList();

    public IReadOnlyList<LocalisedIssue> Issues { get; private set; } = [];

    public IReadOnlyDictionary<ImportKind, KindCounts>? Counts { get; private set; }

    public bool ChangedNothing { get; private set; }

    public string? FilesError { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files)
    {
        var uploaded = files.Where(f => f.Length > 0).ToList();
        if (uploaded.Count == 0)
        {
            FilesError = t["import.no-file"];
            return Page();
        }

        ImportKind? kind = null;
        if (!string.IsNullOrEmpty(Kind))
        {
            if (!ImportFormat.TryParseKind(Kind, out var parsed))
            {
                FilesError = t["import.kind-unknown", Kind];
                return Page();
            }

            kind = parsed;
        }

        var streams = uploaded.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var report = await import.ImportAsync(BodyId,
                uploaded.Select((f, i) => new ImportFile(Path.GetFileName(f.FileName), streams[i], kind)).ToList(),
                HttpContext.RequestAborted);
            if (report.Succeeded)
            {
                Counts = report.Counts;
                ChangedNothing = report.ChangedNothing;
            }
            else
            {
                Issues = report.Localise(CultureInfo.CurrentUICulture);
            }
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }

        return Page();
    }
}

public static class ImportLimits
{
    /// <summary>Upload limit of an import (all files together).</summary>
    public const long MaxRequestBytes = 50L * 1024 * 1024;
}
