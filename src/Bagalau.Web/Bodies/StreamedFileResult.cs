using System.Net.Mime;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Bodies;

/// <summary>A download written straight to the response (exports can be large: nothing is buffered in memory).</summary>
public sealed class StreamedFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDisposition { FileName = fileName, DispositionType = "attachment" }.ToString();
        await write(response.Body, context.HttpContext.RequestAborted);
    }
}

/// <summary>The export's file names and types.</summary>
public static class ExportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static string Name(string bodyCode, string? kind, string extension, DateOnly today) =>
        $"bagalau-{bodyCode}{(kind is null ? string.Empty : "." + kind)}-{today:yyyy-MM-dd}.{extension}";
}
