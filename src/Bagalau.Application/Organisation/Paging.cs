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
    /// <summary>Counts, then reads one page. The query must already be ordered.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct = default)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Page<T>(items, page.Number, page.Size, total);
    }
}
