using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Organisation;

/// <summary>
/// What a list that grows with the body is asked for: a page, a name searched for (folded,
/// <see cref="NameSearch"/>), the unit the servants work in, a status, a form, an evaluator
/// (a servant's id, or <see cref="NoEvaluator"/>) and a sort. Each list reads the filters that
/// apply to it and ignores the others; the pages keep them in the URL query.
/// </summary>
public sealed record ListQuery(
    PageRequest Page, string? Search = null, Guid? UnitId = null, string? Status = null, string? Form = null, string? Evaluator = null, string? Sort = null)
{
    /// <summary>The evaluator filter of the rows no evaluator is named on.</summary>
    public const string NoEvaluator = "none";

    public static ListQuery First { get; } = new(PageRequest.First);

    public Guid? EvaluatorId => Guid.TryParse(Evaluator, out var id) ? id : null;
}

public static class ListFilters
{
    /// <summary>
    /// Servants holding, on <paramref name="day"/>, an appointment to a position of the unit
    /// (the unit itself, not its sub-units); all of them when no unit is asked for.
    /// </summary>
    public static IQueryable<Servant> InUnit(this IQueryable<Servant> servants, BagalauDbContext db, Guid? unitId, DateOnly day) =>
        unitId is { } unit
            ? servants.Where(s => db.Appointments.Any(a => a.ServantId == s.Id && a.From <= day && (a.To == null || a.To >= day)
                && db.Positions.Any(p => p.Id == a.PositionId && p.UnitId == unit)))
            : servants;
}
