using Bagalau.Application.Packs;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Web.Localization;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>A decision's answer: its fields as conformance.md names them, and the pack, version and clause that decided it.</summary>
public sealed record DecisionAnswerDto(string Decision, string Pack, string Version, string? Clause, IReadOnlyDictionary<string, object?> Answer);

/// <summary>The methodology packs, read-only, for every signed-in user, and their decisions asked with plain data.</summary>
public static class PackEndpoints
{
    public static void MapPackEndpoints(this RouteGroupBuilder api)
    {
        var packs = api.MapGroup("/packs").WithTags("packs");

        packs.MapGet("/", ListPacks)
            .WithName("ListPacks")
            .WithSummary("Every methodology pack: id, family, act, versions with their effective dates, assumptions.");

        packs.MapGet("/{id}", GetPack)
            .WithName("GetPack")
            .WithSummary("The rules of a pack in force on asOf (YYYY-MM-DD, default today), each with its clause and the act's clause text.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        packs.MapPost("/{id}/decisions/{decision}", AskDecision)
            .WithName("AskDecision")
            .WithSummary("Asks one decision of the pack (conformance.md: kpi-achieved, evaluation-method, annual-consequence, eligibility, ...) "
                + "with the version in force on asOf (YYYY-MM-DD, default today); the JSON body is the decision's input. "
                + "The answer carries the clause that decided it; a refusal its stable code.")
            .Accepts<Dictionary<string, object>>("application/json")
            .ProducesRefusals(RefusalKind.InvalidInput, RefusalKind.Rule, RefusalKind.NotFound);
    }

    /// <summary>Bodies larger than this are not decision inputs.</summary>
    private const int MaxInputBytes = 64 * 1024;

    private static async Task<Results<Ok<DecisionAnswerDto>, ProblemHttpResult>> AskDecision(
        string id, string decision, string? asOf, HttpRequest request, PackCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        var (_, date, problem) = PackOn(id, asOf, catalog, clock, t);
        if (problem is not null)
        {
            return problem;
        }

        var buffer = new char[MaxInputBytes + 1];
        using var reader = new StreamReader(request.Body);
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        if (read > MaxInputBytes)
        {
            return ApiProblems.From(Refusals.InvalidInput($"енгізу {MaxInputBytes} байттан аспауы тиіс", $"входные данные не больше {MaxInputBytes} байт", $"the input is over {MaxInputBytes} bytes"));
        }

        // JSON is YAML 1.2, so the body is read into the same tree as a case's input.
        var (input, error) = YamlTree.Parse(new string(buffer, 0, read), "input");
        if (error is not null)
        {
            return ApiProblems.From(Refusals.InvalidInput($"енгізілген деректер («JSON») оқылмады: {error}", $"входные данные («JSON») не прочитаны: {error}", $"the JSON could not be read: {error}"));
        }

        var decided = new Bagalau.Domain.Conformance.ConformanceRunner(catalog.Catalogue, date).Ask(id, decision, date, input);
        if (decided.Refusal is { } refusal)
        {
            return refusal.Code == "unknown-decision"
                ? ApiProblems.Problem(StatusCodes.Status404NotFound, refusal.Code, refusal.Message.In(ApiCaller.Language))
                : ApiProblems.From(refusal);
        }

        var provenance = decided.Provenance!;
        return TypedResults.Ok(new DecisionAnswerDto(
            decision, provenance.PackId, provenance.VersionId, provenance.Clause,
            decided.Answer!.Fields().ToDictionary(f => f.Key, f => f.Value)));
    }

    private static Ok<IReadOnlyList<PackSummaryView>> ListPacks(PackCatalog catalog) =>
        TypedResults.Ok(PackViews.List(catalog.Catalogue, LocalizationSetup.CurrentLanguage));

    private static Results<Ok<PackPageView>, ProblemHttpResult> GetPack(
        string id, string? asOf, PackCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        var (pack, date, problem) = PackOn(id, asOf, catalog, clock, t);
        if (problem is not null)
        {
            return problem;
        }

        var page = PackViews.Page(pack!, date, LocalizationSetup.CurrentLanguage);
        return page.Version is null
            ? ApiProblems.Localized(t, StatusCodes.Status404NotFound, "pack-no-version", id, TreeValues.Format(date))
            : TypedResults.Ok(page);
    }

    /// <summary>The pack and the day a request asks about (asOf, default today), or the problem: 404 unknown pack, 400 a bad date.</summary>
    private static (Pack? Pack, DateOnly Date, ProblemHttpResult? Problem) PackOn(string id, string? asOf, PackCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        if (catalog.Catalogue.Find(id) is not { } pack)
        {
            return (null, default, ApiProblems.Localized(t, StatusCodes.Status404NotFound, "pack-unknown", id));
        }

        if (string.IsNullOrEmpty(asOf))
        {
            return (pack, Bagalau.Application.Time.KazakhstanClock.Today(clock), null);
        }

        return TreeValues.TryDate(asOf, out var date)
            ? (pack, date, null)
            : (null, default, ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "pack-as-of-invalid", asOf));
    }
}
