using Bagalau.Application.Organisation;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Bodies;

/// <summary>
/// The filter of a list kept in the URL query (<c>?q=&amp;unit=&amp;status=&amp;form=&amp;evaluator=&amp;sort=&amp;page=</c>),
/// bound by a page with <c>[BindProperty(SupportsGet = true)]</c>: a filtered list can be
/// bookmarked, reloaded and paged without losing its filter.
/// </summary>
public sealed class ListFilter
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "unit")]
    public Guid? Unit { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "form")]
    public string? Form { get; set; }

    [FromQuery(Name = "evaluator")]
    public string? Evaluator { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int Page { get; set; } = 1;

    public Guid? EvaluatorId => Guid.TryParse(Evaluator, out var id) ? id : null;

    public bool Any => !string.IsNullOrWhiteSpace(Q) || Unit is not null || !string.IsNullOrWhiteSpace(Status) || !string.IsNullOrWhiteSpace(Form) || !string.IsNullOrWhiteSpace(Evaluator);

    public ListQuery ToQuery() => new(new PageRequest(Math.Max(1, Page)), Q, Unit, Blank(Status), Blank(Form), Blank(Evaluator), Blank(Sort));

    /// <summary>The route values of this filter on another page (the pager's links), the given ones added.</summary>
    public Dictionary<string, object?> RouteValues(int page, object? more = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["q"] = Blank(Q), ["unit"] = Unit, ["status"] = Blank(Status), ["form"] = Blank(Form),
            ["evaluator"] = Blank(Evaluator), ["sort"] = Blank(Sort), ["page"] = page > 1 ? page : null,
        };
        if (more is not null)
        {
            foreach (var property in more.GetType().GetProperties())
            {
                values[property.Name] = property.GetValue(more);
            }
        }

        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
