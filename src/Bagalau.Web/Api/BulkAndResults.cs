using Bagalau.Application.Results;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bagalau.Web.Api;

/// <summary>One refused item of a bulk action: the item's id, the servant's name, the refusal's code and message in the request's language.</summary>
public sealed record BulkRefusedDto(Guid Id, string Name, string Code, string Message);

/// <summary>What a bulk action did: how many items were done out of how many, and each refused one.</summary>
public sealed record BulkReportDto(int Done, int Total, IReadOnlyList<BulkRefusedDto> Refused)
{
    public static BulkReportDto Of(BulkReport report) =>
        new(report.Done, report.Total, [.. report.Refused.Select(r => new BulkRefusedDto(r.Id, r.Name, r.Refusal.Code, r.Refusal.Message.In(ApiCaller.Language)))]);
}

/// <summary>The sheets to send; none (or an empty list) sends every ready sheet of the cycle.</summary>
public sealed record SendSheetsRequest(IReadOnlyList<Guid>? Ids);

/// <summary>The persons whose links to issue; none (or an empty list) issues every person of the round without links.</summary>
public sealed record IssueManyLinksRequest(IReadOnlyList<Guid>? TargetIds, DateTimeOffset ExpiresAt, bool Email = false);

public sealed record IssuedTargetDto(Guid TargetId, Guid ServantId, string Name, IReadOnlyList<IssuedLinkDto> Links);

public sealed record BulkIssueDto(BulkReportDto Report, IReadOnlyList<IssuedTargetDto> Issued);

/// <summary>Results exports as downloads (?format=xlsx|csv), or the refusal.</summary>
public static class ResultsFiles
{
    /// <summary>A format other than xlsx or csv.</summary>
    public static Refusal UnknownFormat() => Refusals.InvalidInput(
        $"«format» мәні «xlsx» немесе «csv» болуы керек",
        $"Параметр «format» должен быть «xlsx» или «csv»",
        $"format must be xlsx or csv");

    public static string FileName(ResultsTable table, string format) => $"bagalau-{table.FileStem}.{format}";

    public static string ContentType(string format) => format == "csv" ? ResultsExport.CsvType : ResultsExport.XlsxType;

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> AnswerAsync(string? format, Func<Task<Outcome<ResultsTable>>> export)
    {
        if (ResultsExport.FormatOf(format) is not { } chosen)
        {
            return ApiProblems.From(UnknownFormat());
        }

        var table = await export();
        if (table.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return TypedResults.Stream(stream => ResultsExport.WriteAsync(table.Value!, chosen, stream, CancellationToken.None), ContentType(chosen), FileName(table.Value!, chosen));
    }

    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary)
            .Produces(StatusCodes.Status200OK, contentType: ResultsExport.XlsxType)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
