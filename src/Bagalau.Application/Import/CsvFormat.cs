using System.Text;
using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Import;

/// <summary>
/// CSV as Bagalau reads and writes it: UTF-8 (a BOM is accepted), RFC 4180 quoting, comma
/// separated (a header with semicolons and no commas makes the file semicolon separated, as
/// spreadsheet programs in kk/ru locales write it), one kind per file.
/// </summary>
public static class CsvFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadResult Read(Stream content, string source, ImportKind? kind)
    {
        // The bytes are checked first so that a bad byte is reported with its own line.
        var bytes = ReadAll(content);
        if (FirstInvalidUtf8(bytes) is { } bad)
        {
            var line = 1 + bytes.AsSpan(0, bad).Count((byte)'\n');
            return ReadResult.Fail(source, null, line, null, new ValidationError("encoding-invalid", null, line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var records = new List<(int Number, IReadOnlyList<string> Cells)>();
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var parser = new Parser(reader);
        try
        {
            while (parser.Next() is { } record)
            {
                records.Add(record);
                if (records.Count == 1 && record.Cells.Count > 0)
                {
                    parser.ChooseSeparator(record.Cells);
                    if (parser.Separator == ';')
                    {
                        // The header was split on commas: read it again on semicolons.
                        records[0] = (record.Number, SplitSimple(string.Join(",", record.Cells), ';'));
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return ReadResult.Fail(source, null, parser.Line, null, new ValidationError("encoding-invalid", null, parser.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (FormatException)
        {
            return ReadResult.Fail(source, null, parser.RecordStart, null, new ValidationError("csv-malformed"));
        }

        if (records.Count == 0)
        {
            return ReadResult.Fail(source, null, 1, null, new ValidationError("file-empty"));
        }

        var header = records[0].Cells.ToList();
        if (header.Count > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF');
        }

        return TableBuilder.Build(source, null, kind, header, records.Skip(1));
    }

    /// <summary>Writes one table: a header row of <paramref name="columns"/>, then the rows.</summary>
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<string[]> rows, CancellationToken ct, bool neutralise = false)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await WriteLineAsync(writer, neutralise ? [.. columns.Select(Neutral)] : columns);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await WriteLineAsync(writer, neutralise ? [.. row.Select(Neutral)] : row);
        }
    }

    /// <summary>
    /// A cell a spreadsheet will not run: control characters removed, and a cell starting with
    /// = + - @ (a formula to Excel or LibreOffice) prefixed with an apostrophe. For files people
    /// open (results); the organisation export keeps its cells as typed so that it imports back.
    /// </summary>
    public static string Neutral(string? cell)
    {
        var text = cell is null ? string.Empty : string.Concat(cell.Where(c => !char.IsControl(c)));
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
    }

    private static async Task WriteLineAsync(StreamWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(',');
            }

            var cell = cells[i] ?? string.Empty;
            if (cell.AsSpan().IndexOfAny(",\"\r\n;") >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' ')))
            {
                await writer.WriteAsync('"');
                await writer.WriteAsync(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                await writer.WriteAsync('"');
            }
            else
            {
                await writer.WriteAsync(cell);
            }
        }

        await writer.WriteLineAsync();
    }

    private static byte[] ReadAll(Stream content)
    {
        if (content is MemoryStream memory && memory.Position == 0)
        {
            return memory.ToArray();
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Offset of the first byte that is not valid UTF-8, or null.</summary>
    private static int? FirstInvalidUtf8(byte[] bytes)
    {
        var chars = new char[Math.Min(bytes.Length, 1 << 16) + 4];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(offset), chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset + read;
            }

            offset += read;
            if (status == System.Buffers.OperationStatus.Done)
            {
                break;
            }
        }

        return null;
    }

    private static List<string> SplitSimple(string line, char separator) => line.Split(separator).ToList();

    /// <summary>A streaming RFC 4180 record reader that knows the physical line it is on.</summary>
    private sealed class Parser(StreamReader reader)
    {
        private readonly StringBuilder _cell = new();

        public char Separator { get; private set; } = ',';

        /// <summary>Physical line being read (1-based).</summary>
        public int Line { get; private set; } = 1;

        /// <summary>Line where the current record started (its row number).</summary>
        public int RecordStart { get; private set; } = 1;

        public void ChooseSeparator(IReadOnlyList<string> headerCells)
        {
            if (headerCells.Count == 1 && headerCells[0].Contains(';', StringComparison.Ordinal))
            {
                Separator = ';';
            }
        }

        public (int Number, IReadOnlyList<string> Cells)? Next()
        {
            if (reader.Peek() < 0)
            {
                return null;
            }

            RecordStart = Line;
            var cells = new List<string>();
            var quoted = false;
            var wasQuoted = false;
            _cell.Clear();
            while (true)
            {
                var read = reader.Read();
                if (read < 0)
                {
                    if (quoted)
                    {
                        throw new FormatException("Unclosed quote.");
                    }

                    cells.Add(_cell.ToString());
                    return (RecordStart, cells);
                }

                var c = (char)read;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _cell.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            Line++;
                        }

                        _cell.Append(c);
                    }

                    continue;
                }

                if (c == '"' && _cell.Length == 0 && !wasQuoted)
                {
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == Separator)
                {
                    cells.Add(_cell.ToString());
                    _cell.Clear();
                    wasQuoted = false;
                }
                else if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    Line++;
                    cells.Add(_cell.ToString());
                    return (RecordStart, cells);
                }
                else
                {
                    _cell.Append(c);
                }
            }
        }
    }
}
