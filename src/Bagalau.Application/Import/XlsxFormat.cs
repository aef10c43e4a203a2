using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using Bagalau.Domain.Organisation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bagalau.Application.Import;

/// <summary>
/// XLSX workbooks: one sheet per kind, named by its id (units, positions, servants, ...), first
/// row the column names. Read and written row by row (SAX), so large workbooks stay cheap.
/// </summary>
public static class XlsxFormat
{
    public static ReadResult Read(Stream content, string source)
    {
        var seekable = content.CanSeek ? content : Buffer(content);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(seekable, false);
        }
        catch (Exception e) when (IsDamaged(e))
        {
            return ReadResult.Fail(source, null, null, null, new ValidationError("xlsx-invalid"));
        }

        using (document)
        {
            try
            {
                return ReadWorkbook(document, source);
            }
            catch (Exception e) when (IsDamaged(e))
            {
                return ReadResult.Fail(source, null, null, null, new ValidationError("xlsx-invalid"));
            }
        }
    }

    /// <summary>Writes a workbook with one sheet per table, in the given order.</summary>
    public static Task WriteAsync(Stream output, IReadOnlyList<(string Sheet, IReadOnlyList<string> Columns, IAsyncEnumerable<string[]> Rows)> sheets, CancellationToken ct) =>
        WriteAsync(output, [.. sheets.Select(s => (s.Sheet, s.Columns, s.Rows, (IReadOnlySet<int>)new HashSet<int>()))], ct);

    /// <summary>
    /// The same, with the columns of each sheet that hold numbers: their cells that read as an
    /// invariant decimal are written as numbers, every other cell as text (never a formula).
    /// </summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<(string Sheet, IReadOnlyList<string> Columns, IAsyncEnumerable<string[]> Rows, IReadOnlySet<int> Numbers)> sheets, CancellationToken ct)
    {
        if (!output.CanSeek)
        {
            // The package writer needs a seekable stream: build the file aside, then copy it.
            await using var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await WriteAsync(temp, sheets, ct);
            temp.Position = 0;
            await temp.CopyToAsync(output, ct);
            return;
        }

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var (name, columns, rows, numbers) in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                uint rowIndex = 1;
                WriteRow(writer, rowIndex++, columns, NoNumbers);
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, rowIndex++, row, numbers);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
        }

        workbookPart.Workbook.Save();
    }

    private static ReadResult ReadWorkbook(SpreadsheetDocument document, string source)
    {
        var workbook = document.WorkbookPart;
        if (workbook?.Workbook?.Sheets is null)
        {
            return ReadResult.Fail(source, null, null, null, new ValidationError("xlsx-invalid"));
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var tables = new List<RawTable>();
        var issues = new List<ImportIssue>();
        foreach (var sheet in workbook.Workbook.Sheets.Elements<Sheet>())
        {
            var name = sheet.Name?.Value ?? string.Empty;
            if (!ImportFormat.TryParseKind(name, out var kind))
            {
                issues.Add(new ImportIssue(source, name, null, null, new ValidationError("sheet-unknown", null, name, ImportFormat.KindList)));
                continue;
            }

            if (sheet.Id?.Value is not { } partId || workbook.GetPartById(partId) is not WorksheetPart part)
            {
                return ReadResult.Fail(source, name, null, null, new ValidationError("xlsx-invalid"));
            }

            var rows = ReadRows(part, shared).ToList();
            if (rows.Count == 0)
            {
                continue; // An empty sheet holds nothing to import.
            }

            var read = TableBuilder.Build(source, name, kind, rows[0].Cells, rows.Skip(1));
            tables.AddRange(read.Tables);
            issues.AddRange(read.Issues);
        }

        return new ReadResult(tables, issues);
    }

    private static IEnumerable<(int Number, IReadOnlyList<string> Cells)> ReadRows(WorksheetPart part, string[] shared)
    {
        using var reader = OpenXmlReader.Create(part);
        var number = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(CellText(cell, shared));
            }

            yield return (number, cells);
        }
    }

    private static string CellText(Cell cell, string[] shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        return raw;
    }

    /// <summary>Zero-based column of a reference such as "C12".</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }

    private static readonly IReadOnlySet<int> NoNumbers = new HashSet<int>();

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<string> values, IReadOnlySet<int> numbers)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            var value = values[i] ?? string.Empty;
            if (numbers.Contains(i) && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) });
                continue;
            }

            writer.WriteElement(new Cell
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        writer.WriteEndElement();
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static MemoryStream Buffer(Stream content)
    {
        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static bool IsDamaged(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or IOException
            or InvalidOperationException or ArgumentException or InvalidCastException;
}
