using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Import;

/// <summary>A data row as read: its row number in the file (header = 1) and its cells by column name.</summary>
public sealed class RawRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The trimmed cell of a column; empty when the column or the cell is absent.</summary>
    public string this[string column] => cells.TryGetValue(column, out var value) ? value : string.Empty;
}

/// <summary>One table of a file: a CSV file, or one sheet of a workbook.</summary>
public sealed record RawTable(string Source, string? Sheet, ImportKind Kind, IReadOnlyList<RawRow> Rows);

/// <summary>A problem found in an import: where (file, sheet, row, column) and what.</summary>
public sealed record ImportIssue(string Source, string? Sheet, int? Row, string? Column, ValidationError Error);

/// <summary>What reading one file gave: its tables, or the issues that make it unreadable.</summary>
public sealed record ReadResult(IReadOnlyList<RawTable> Tables, IReadOnlyList<ImportIssue> Issues)
{
    public static ReadResult Fail(string source, string? sheet, int? row, string? column, ValidationError error) =>
        new([], [new ImportIssue(source, sheet, row, column, error)]);
}

internal static class TableBuilder
{
    /// <summary>
    /// Turns a header and raw rows into a table of a kind: the header decides the kind (or is
    /// checked against <paramref name="kind"/>); completely empty rows are skipped.
    /// </summary>
    public static ReadResult Build(string source, string? sheet, ImportKind? kind, IReadOnlyList<string> header, IEnumerable<(int Number, IReadOnlyList<string> Cells)> rows)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        while (names.Count > 0 && names[^1].Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }

        if (names.Count == 0)
        {
            return ReadResult.Fail(source, sheet, 1, null, new ValidationError("file-empty"));
        }

        var duplicate = names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return ReadResult.Fail(source, sheet, 1, duplicate.Key, new ValidationError("columns-duplicate", duplicate.Key, duplicate.Key));
        }

        var match = kind is { } k ? ImportFormat.Match(names, k) : ImportFormat.Match(names);
        if (match.Kind is not { } matched)
        {
            return ReadResult.Fail(source, sheet, 1, null, new ValidationError("file-kind-unknown", null, string.Join(", ", names), ImportFormat.KindList));
        }

        var issues = new List<ImportIssue>();
        if (match.MissingColumns.Count > 0)
        {
            issues.Add(new ImportIssue(source, sheet, 1, string.Join(", ", match.MissingColumns), new ValidationError("columns-missing", null, string.Join(", ", match.MissingColumns))));
        }

        if (match.UnknownColumns.Count > 0)
        {
            issues.Add(new ImportIssue(source, sheet, 1, string.Join(", ", match.UnknownColumns), new ValidationError("columns-unknown", null, string.Join(", ", match.UnknownColumns))));
        }

        if (issues.Count > 0)
        {
            return new ReadResult([], issues);
        }

        var table = new List<RawRow>();
        foreach (var (number, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
            for (var i = 0; i < names.Count && i < cells.Count; i++)
            {
                if (names[i].Length > 0)
                {
                    values[names[i]] = cells[i].Trim();
                }
            }

            table.Add(new RawRow(number, values));
        }

        return new ReadResult([new RawTable(source, sheet, matched, table)], []);
    }
}
