using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;
using Bagalau.Web.Localization;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>The methodology packs, read-only, for every signed-in user.</summary>
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
    }

    private static Ok<IReadOnlyList<PackSummaryView>> ListPacks(PackCatalog catalog) =>
        TypedResults.Ok(PackViews.List(catalog.Catalogue, LocalizationSetup.CurrentLanguage));

    private static Results<Ok<PackPageView>, ProblemHttpResult> GetPack(
        string id, string? asOf, PackCatalog catalog, TimeProvider clock, IStringLocalizer<SharedResource> t)
    {
        var pack = catalog.Catalogue.Find(id);
        if (pack is null)
        {
            return ApiProblems.Localized(t, StatusCodes.Status404NotFound, "pack-unknown", id);
        }

        DateOnly date;
        if (string.IsNullOrEmpty(asOf))
        {
            date = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        }
        else if (!TreeValues.TryDate(asOf, out date))
        {
            return ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "pack-as-of-invalid", asOf);
        }

        var page = PackViews.Page(pack, date, LocalizationSetup.CurrentLanguage);
        return page.Version is null
            ? ApiProblems.Localized(t, StatusCodes.Status404NotFound, "pack-no-version", id, TreeValues.Format(date))
            : TypedResults.Ok(page);
    }
}
