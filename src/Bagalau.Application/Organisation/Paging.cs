using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>Which page of a list to read: 1-based, at most <see cref="MaxSize"/> rows.</summary>
public sealed record PageRequest
{
    public const int DefaultSize = 50;
    public const int MaxSize = 100;

    public PageRequest(int number = 1, int size = DefaultSize)
    {
        Number = Math.Max(1, number);
        Size = Math.Clamp(size, 1, MaxSize);
    }

    public int Number { get; }

    public int Size { get; }

    public int Skip => (Number - 1) * Size;

    public static PageRequest First { get; } = new();
}

/// <summary>One page of a list and the size of the whole list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + Size - 1) / Size;

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}

public static class PagingExtensions
{
    /// <summary>
    /// Reads one page, and counts only when the page cannot tell the total: a page that is not
    /// full is the last one, so most lists (one evaluator's tasks) cost one query, not two
    /// (docs/benchmarks.md, task list). The query must already be ordered.
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct = default)
    {
        var items = await query.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var isLast = items.Count < page.Size && (items.Count > 0 || page.Number == 1);
        var total = isLast ? page.Skip + items.Count : await query.CountAsync(ct);
        return new Page<T>(items, page.Number, page.Size, total);
    }
}
