namespace Bagalau.Web.Bodies;

/// <summary>What the pager under a list shows: where we are and how to get to another page.</summary>
public sealed record PagerView(int Number, int PageCount, int Total, Func<int, string?> UrlOf);
