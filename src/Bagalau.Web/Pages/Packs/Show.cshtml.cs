using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages.Packs;

/// <summary>
/// A pack's rules in force on a date (`?asOf=YYYY-MM-DD`, default today): each rule with its
/// clause and the act's clause text; read-only, every signed-in user.
/// </summary>
public sealed class ShowModel(PackCatalog catalog, TimeProvider clock) : PageModel
{
    public PackPageView View { get; private set; } = null!;

    /// <summary>The asOf text could not be read as a date: today is shown instead, with a message.</summary>
    public string? BadAsOf { get; private set; }

    public IActionResult OnGet(string id, string? asOf)
    {
        var pack = catalog.Catalogue.Find(id);
        if (pack is null)
        {
            return NotFound();
        }

        var date = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        if (!string.IsNullOrEmpty(asOf))
        {
            if (TreeValues.TryDate(asOf, out var parsed))
            {
                date = parsed;
            }
            else
            {
                BadAsOf = asOf;
            }
        }

        View = PackViews.Page(pack, date, LocalizationSetup.CurrentLanguage);
        return Page();
    }
}
