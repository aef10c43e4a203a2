namespace Bagalau.Web.Bodies;

/// <summary>
/// The filter row above a list (<c>Shared/_ListFilter</c>): a GET form whose fields are the
/// query of <see cref="ListFilter"/>. A choice list left null is not shown.
/// </summary>
public sealed record ListFilterView(
    ListFilter Filter,
    IReadOnlyList<(string Value, string Title)>? Units = null,
    IReadOnlyList<(string Value, string Title)>? Statuses = null,
    IReadOnlyList<(string Value, string Title)>? Forms = null,
    IReadOnlyList<(string Value, string Title)>? Sorts = null,
    ServantPickerView? Evaluator = null);
