using Bagalau.Application.Packs;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages.Packs;

/// <summary>Every methodology pack with its act, versions and assumptions (read-only, every signed-in user).</summary>
public sealed class IndexModel(PackCatalog catalog) : PageModel
{
    public IReadOnlyList<PackSummaryView> Packs { get; private set; } = [];

    public void OnGet() => Packs = PackViews.List(catalog.Catalogue, LocalizationSetup.CurrentLanguage);
}
