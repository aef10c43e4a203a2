using System.Globalization;
using SkiaSharp;

namespace Bagalau.Application.Documents.Layout;

/// <summary>
/// Renders a <see cref="DocumentLayout"/> as PDF with SkiaSharp's PDF backend and the embedded
/// DejaVu Sans fonts, so Kazakh letters print on any machine. Two passes: the blocks are laid out
/// into pages first (tables break between rows and repeat their header), then drawn with
/// "page N / total" at the foot.
/// </summary>
public static class PdfWriter
{
    private const float Margin = 42f; // ~15 mm
    private const float BodySize = 10f;
    private const float SmallSize = 8f;
    private const float CellPad = 3f;
    private const float FooterHeight = 30f;

    private static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("fonts/DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("fonts/DejaVuSans-Bold.ttf"));

    public static byte[] Render(DocumentLayout layout)
    {
        var landscape = layout.Orientation == PageOrientation.Landscape;
        var size = landscape ? new SKSize(842f, 595f) : new SKSize(595f, 842f);
        var pages = new Composer(size).Compose(layout.Blocks);

        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = layout.Title,
            Creator = "Bagalau",
            Producer = "Bagalau (SkiaSharp)",
            RasterDpi = 72,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            using var regular = new SKFont(Regular.Value, BodySize);
            using var bold = new SKFont(Bold.Value, BodySize);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var grey = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), IsAntialias = true };
            using var stroke = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke, IsAntialias = true };
            using var shade = new SKPaint { Color = new SKColor(0xED, 0xED, 0xED), Style = SKPaintStyle.Fill };
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(size.Width, size.Height);
                foreach (var op in pages[i])
                {
                    switch (op)
                    {
                        case TextOp t:
                            var font = t.Bold ? bold : regular;
                            font.Size = t.Size;
                            canvas.DrawText(t.Text, t.X, t.Y, font, t.Grey ? grey : ink);
                            break;
                        case LineOp l:
                            canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, stroke);
                            break;
                        case RectOp r:
                            canvas.DrawRect(r.X, r.Y, r.W, r.H, r.Fill ? shade : stroke);
                            break;
                    }
                }

                var y = size.Height - Margin + 8f;
                if (layout.FooterNote is not null)
                {
                    regular.Size = 7f;
                    foreach (var line in Wrap(layout.FooterNote, Regular.Value, 7f, size.Width - (2 * Margin)))
                    {
                        canvas.DrawText(line, Margin, y - FooterHeight + 12f, regular, grey);
                        y += 9f;
                    }
                }

                regular.Size = SmallSize;
                var number = string.Create(CultureInfo.InvariantCulture, $"{layout.PageLabel} {i + 1} / {pages.Count}");
                canvas.DrawText(number, (size.Width / 2) - (Measure(number, Regular.Value, SmallSize) / 2), size.Height - (Margin / 2), regular, ink);
                document.EndPage();
            }

            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The characters the forms print: Latin, Latin-1, Cyrillic with the Kazakh letters, dashes,
    /// quotes, №, → and the minus sign. Others print as the empty .notdef box.
    /// </summary>
    internal static readonly string Repertoire = string.Concat(
        new[] { (0x20, 0x7E), (0xA0, 0xFF), (0x400, 0x4FF), (0x2010, 0x2027), (0x2030, 0x203A), (0x2116, 0x2116), (0x2190, 0x2193), (0x2212, 0x2212) }
            .SelectMany(r => Enumerable.Range(r.Item1, r.Item2 - r.Item1 + 1))
            .Select(c => (char)c));

    private static SKTypeface LoadFont(string resource)
    {
        using var stream = typeof(PdfWriter).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        using var whole = SKTypeface.FromData(SKData.CreateCopy(bytes))
            ?? throw new InvalidOperationException($"The embedded font {resource} does not load.");
        using var font = new SKFont(whole);
        var glyphs = font.GetGlyphs(Repertoire);
        var reduced = FontSubset.Reduce(bytes, glyphs);
        return SKTypeface.FromData(SKData.CreateCopy(reduced))
            ?? throw new InvalidOperationException($"The reduced font {resource} does not load.");
    }

    // Measuring happens for every word of every cell: one font object per thread, face and size.
    [ThreadStatic]
    private static Dictionary<(bool Bold, float Size), SKFont>? measuringFonts;

    private static SKFont FontFor(SKTypeface face, float size)
    {
        measuringFonts ??= [];
        var key = (ReferenceEquals(face, Bold.Value), size);
        if (!measuringFonts.TryGetValue(key, out var font))
        {
            font = new SKFont(face, size);
            measuringFonts[key] = font;
        }

        return font;
    }

    private static float Measure(string text, SKTypeface face, float size) => FontFor(face, size).MeasureText(text);

    /// <summary>Greedy word wrap; explicit newlines are kept and a word longer than the width is cut.</summary>
    internal static List<string> Wrap(string text, SKTypeface face, float size, float width)
    {
        var font = FontFor(face, size);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (font.MeasureText(current) > width && current.Length > 1)
                {
                    var fit = current.Length - 1;
                    while (fit > 1 && font.MeasureText(current[..fit]) > width)
                    {
                        fit--;
                    }

                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private abstract record Op;

    private sealed record TextOp(float X, float Y, string Text, bool Bold, float Size, bool Grey = false) : Op;

    private sealed record LineOp(float X1, float Y1, float X2, float Y2) : Op;

    private sealed record RectOp(float X, float Y, float W, float H, bool Fill) : Op;

    /// <summary>Lays the blocks out into pages of drawing operations.</summary>
    private sealed class Composer(SKSize page)
    {
        private readonly List<List<Op>> pages = [[]];
        private readonly float left = Margin;
        private readonly float width = page.Width - (2 * Margin);
        private readonly float bottom = page.Height - Margin - FooterHeight;
        private float y = Margin;

        private List<Op> Current => pages[^1];

        public List<List<Op>> Compose(IReadOnlyList<LayoutBlock> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case CornerNote note:
                        foreach (var line in note.Lines)
                        {
                            Text(line, false, SmallSize, TextAlign.Right, left, width);
                        }

                        y += 6f;
                        break;
                    case ApprovalBlock a:
                        ApprovalBlock(a);
                        break;
                    case HeadingBlock h:
                        y += 4f;
                        Text(h.Text, true, BodySize + 1.5f, TextAlign.Center, left, width);
                        y += 6f;
                        break;
                    case ParagraphBlock p:
                        Text(p.Text, p.Bold, p.Small ? SmallSize : BodySize, p.Align, left, width);
                        y += 3f;
                        break;
                    case FieldBlock f:
                        Field(f);
                        break;
                    case TableBlock t:
                        Table(t);
                        y += 8f;
                        break;
                    case SignatureBlock s:
                        Signatures(s);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name, "Unknown layout block.");
                }
            }

            return pages;
        }

        private static float LineHeight(float size) => size * 1.3f;

        private void NewPage()
        {
            pages.Add([]);
            y = Margin;
        }

        private void Ensure(float height)
        {
            if (y + height > bottom && y > Margin)
            {
                NewPage();
            }
        }

        private void Text(string text, bool bold, float size, TextAlign align, float x, float w, bool grey = false)
        {
            var face = bold ? Bold.Value : Regular.Value;
            foreach (var line in Wrap(text, face, size, w))
            {
                Ensure(LineHeight(size));
                var lineX = align switch
                {
                    TextAlign.Center => x + ((w - Measure(line, face, size)) / 2),
                    TextAlign.Right => x + w - Measure(line, face, size),
                    _ => x,
                };
                Current.Add(new TextOp(lineX, y + size, line, bold, size, grey));
                y += LineHeight(size);
            }
        }

        private void Field(FieldBlock f)
        {
            var label = f.Label + ": ";
            var labelWidth = Measure(label, Regular.Value, BodySize);
            Ensure(LineHeight(BodySize));
            if (string.IsNullOrWhiteSpace(f.Value))
            {
                Current.Add(new TextOp(left, y + BodySize, label, false, BodySize));
                var lineX = Math.Min(left + labelWidth, left + width - 120f);
                Current.Add(new LineOp(lineX, y + BodySize + 2f, left + width, y + BodySize + 2f));
                y += LineHeight(BodySize) + 3f;
                return;
            }

            if (labelWidth > width * 0.55f)
            {
                Text(label, false, BodySize, TextAlign.Left, left, width);
                Underlined(f.Value, left, width);
            }
            else
            {
                Current.Add(new TextOp(left, y + BodySize, label, false, BodySize));
                Underlined(f.Value, left + labelWidth, width - labelWidth);
            }

            y += 3f;
        }

        private void Underlined(string text, float x, float w)
        {
            foreach (var line in Wrap(text, Regular.Value, BodySize, w))
            {
                Ensure(LineHeight(BodySize));
                Current.Add(new TextOp(x, y + BodySize, line, false, BodySize));
                Current.Add(new LineOp(x, y + BodySize + 2f, x + Math.Max(Measure(line, Regular.Value, BodySize), 60f), y + BodySize + 2f));
                y += LineHeight(BodySize);
            }
        }

        private void ApprovalBlock(ApprovalBlock a)
        {
            var x = left + (width / 2);
            var w = width / 2;
            Ensure(LineHeight(BodySize) * 7);
            Text(a.Heading, true, BodySize, TextAlign.Left, x, w);
            Text(a.Position, false, BodySize, TextAlign.Left, x, w);
            BlankOr(a.Name, x, w * 0.9f);
            Text($"({a.NameHint})", false, SmallSize, TextAlign.Left, x, w);
            LabelAndBlank(a.DateLabel, a.Date, x);
            LabelAndBlank(a.SignatureLabel, null, x);
            y += 8f;
        }

        private void BlankOr(string? value, float x, float w)
        {
            if (value is null)
            {
                y += LineHeight(BodySize);
                Current.Add(new LineOp(x, y, x + w, y));
                y += 2f;
            }
            else
            {
                Underlined(value, x, w);
            }
        }

        private void LabelAndBlank(string label, string? value, float x)
        {
            var labelWidth = Measure(label + " ", Regular.Value, BodySize);
            Current.Add(new TextOp(x, y + BodySize, label, false, BodySize));
            if (value is not null)
            {
                Current.Add(new TextOp(x + labelWidth, y + BodySize, value, false, BodySize));
            }

            Current.Add(new LineOp(x + labelWidth, y + BodySize + 2f, x + labelWidth + 110f, y + BodySize + 2f));
            y += LineHeight(BodySize) + 2f;
        }

        private void Table(TableBlock t)
        {
            var total = t.Columns.Sum(c => c.Weight);
            var widths = t.Columns.Select(c => width * c.Weight / total).ToArray();
            var header = t.Columns.Select(c => c.Title).ToList();
            var headerHeight = RowHeight(header, widths, true);
            var firstRow = t.Rows.Count > 0 ? RowHeight(t.Rows[0].Cells, widths, t.Rows[0].Bold) : 0f;
            Ensure(headerHeight + firstRow);
            DrawRow(header, widths, true, headerHeight, shaded: true, t.Columns.Select(_ => TextAlign.Center).ToArray());
            foreach (var row in t.Rows)
            {
                var h = RowHeight(row.Cells, widths, row.Bold);
                if (y + h > bottom)
                {
                    NewPage();
                    DrawRow(header, widths, true, headerHeight, shaded: true, t.Columns.Select(_ => TextAlign.Center).ToArray());
                }

                DrawRow(row.Cells, widths, row.Bold, h, shaded: false, t.Columns.Select(c => c.Align).ToArray());
            }
        }

        private static float RowHeight(IReadOnlyList<string> cells, float[] widths, bool bold)
        {
            var face = bold ? Bold.Value : Regular.Value;
            var lines = 1;
            for (var i = 0; i < widths.Length; i++)
            {
                var text = i < cells.Count ? cells[i] : string.Empty;
                lines = Math.Max(lines, Wrap(text, face, SmallSize + 0.5f, widths[i] - (2 * CellPad)).Count);
            }

            return (lines * LineHeight(SmallSize + 0.5f)) + (2 * CellPad);
        }

        private void DrawRow(IReadOnlyList<string> cells, float[] widths, bool bold, float height, bool shaded, TextAlign[] aligns)
        {
            var face = bold ? Bold.Value : Regular.Value;
            const float size = SmallSize + 0.5f;
            var x = left;
            for (var i = 0; i < widths.Length; i++)
            {
                if (shaded)
                {
                    Current.Add(new RectOp(x, y, widths[i], height, Fill: true));
                }

                Current.Add(new RectOp(x, y, widths[i], height, Fill: false));
                var text = i < cells.Count ? cells[i] : string.Empty;
                var lineY = y + CellPad + size;
                foreach (var line in Wrap(text, face, size, widths[i] - (2 * CellPad)))
                {
                    var inner = widths[i] - (2 * CellPad);
                    var lineX = aligns[i] switch
                    {
                        TextAlign.Center => x + CellPad + ((inner - Measure(line, face, size)) / 2),
                        TextAlign.Right => x + CellPad + inner - Measure(line, face, size),
                        _ => x + CellPad,
                    };
                    Current.Add(new TextOp(lineX, lineY, line, bold, size));
                    lineY += LineHeight(size);
                }

                x += widths[i];
            }

            y += height;
        }

        private void Signatures(SignatureBlock s)
        {
            var half = width / 2;
            y += 6f;
            for (var i = 0; i < s.Signatories.Count; i += 2)
            {
                // One row of signatures (role, name, hint, date, signature) stays on one page.
                Ensure((LineHeight(BodySize) * 4) + LineHeight(SmallSize) + 8f);
                var top = y;
                var lowest = y;
                for (var j = i; j < Math.Min(i + 2, s.Signatories.Count); j++)
                {
                    y = top;
                    var x = left + ((j - i) * half);
                    var sig = s.Signatories[j];
                    Text(sig.Role, true, BodySize, TextAlign.Left, x, half - 12f);
                    BlankOr(sig.Name, x, half - 24f);
                    Text($"({sig.NameHint})", false, SmallSize, TextAlign.Left, x, half - 12f);
                    LabelAndBlank(sig.DateLabel, sig.Date, x);
                    LabelAndBlank(sig.SignatureLabel, null, x);
                    lowest = Math.Max(lowest, y);
                }

                y = lowest + 10f;
            }
        }
    }
}
