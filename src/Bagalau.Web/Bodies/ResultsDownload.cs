using Bagalau.Application.Results;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Bodies;

/// <summary>A results export on a page: the file, 404 for what the user may not know of, 403 for one not entitled to the results.</summary>
public static class ResultsDownload
{
    public static async Task<IActionResult> FromAsync(string? format, Func<Task<Outcome<ResultsTable>>> export)
    {
        if (ResultsExport.FormatOf(format) is not { } chosen)
        {
            return new NotFoundResult();
        }

        var table = await export();
        if (table.Value is not { } exported)
        {
            return table.Refusal!.Kind == RefusalKind.NotFound ? new NotFoundResult() : new ForbidResult();
        }

        return new StreamedFileResult(Api.ResultsFiles.ContentType(chosen), Api.ResultsFiles.FileName(exported, chosen),
            (stream, ct) => ResultsExport.WriteAsync(exported, chosen, stream, ct));
    }
}
