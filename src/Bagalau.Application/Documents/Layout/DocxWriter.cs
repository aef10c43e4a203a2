using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bagalau.Application.Documents.Layout;

/// <summary>
/// Renders a <see cref="DocumentLayout"/> as a Word document (OpenXML). Times New Roman is used
/// because Word on any office PC has it and it covers the Kazakh letters; sizes follow the acts'
/// printed forms (12 pt body, 10 pt hints).
/// </summary>
public static class DocxWriter
{
    private const string Font = "Times New Roman";
    private const int BodySize = 24; // half-points
    private const int SmallSize = 20;
    private const int A4Short = 11906; // twips
    private const int A4Long = 16838;
    private const int Margin = 1134; // 2 cm

    public static byte[] Render(DocumentLayout layout)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = layout.Title;
            doc.PackageProperties.Creator = "Bagalau";
            var main = doc.AddMainDocumentPart();
            var landscape = layout.Orientation == PageOrientation.Landscape;
            var pageWidth = landscape ? A4Long : A4Short;
            var contentWidth = pageWidth - (2 * Margin);

            var body = new Body();
            foreach (var block in layout.Blocks)
            {
                foreach (var element in Render(block, contentWidth))
                {
                    body.Append(element);
                }
            }

            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = Footer(layout);
            var footerId = main.GetIdOfPart(footerPart);

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize
                {
                    Width = (UInt32Value)(uint)pageWidth,
                    Height = (UInt32Value)(uint)(landscape ? A4Short : A4Long),
                    Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
                },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Render(LayoutBlock block, int contentWidth)
    {
        switch (block)
        {
            case CornerNote note:
                foreach (var line in note.Lines)
                {
                    yield return Para(line, JustificationValues.Right, small: true, spacingAfter: 0);
                }

                yield return Para(string.Empty, JustificationValues.Left, spacingAfter: 0);
                break;

            case ApprovalBlock approval:
                var indent = (contentWidth / 2).ToString(CultureInfo.InvariantCulture);
                yield return Para(approval.Heading, JustificationValues.Left, bold: true, indent: indent, spacingAfter: 0);
                yield return Para(approval.Position, JustificationValues.Left, indent: indent, spacingAfter: 0);
                yield return Para(approval.Name ?? Blank, JustificationValues.Left, indent: indent, spacingAfter: 0, underline: approval.Name is not null);
                yield return Para($"({approval.NameHint})", JustificationValues.Left, small: true, indent: indent, spacingAfter: 0);
                yield return Para($"{approval.DateLabel} {approval.Date ?? ShortBlank}", JustificationValues.Left, indent: indent, spacingAfter: 0);
                yield return Para($"{approval.SignatureLabel} {ShortBlank}", JustificationValues.Left, indent: indent);
                break;

            case HeadingBlock heading:
                yield return Para(heading.Text, JustificationValues.Center, bold: true, spacingAfter: 120);
                break;

            case ParagraphBlock p:
                yield return Para(p.Text, Justify(p.Align), bold: p.Bold, small: p.Small);
                break;

            case FieldBlock field:
                var para = new Paragraph(ParagraphProps(JustificationValues.Left, null, 60));
                para.Append(MakeRun(field.Label + ": ", bold: false, small: false));
                para.Append(MakeRun(string.IsNullOrWhiteSpace(field.Value) ? Blank : field.Value, bold: false, small: false, underline: !string.IsNullOrWhiteSpace(field.Value)));
                yield return para;
                break;

            case TableBlock table:
                yield return Table(table, contentWidth);
                yield return Para(string.Empty, JustificationValues.Left, spacingAfter: 0);
                break;

            case SignatureBlock signatures:
                yield return Signatures(signatures, contentWidth);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown layout block.");
        }
    }

    private const string Blank = "______________________________";
    private const string ShortBlank = "______________";

    private static JustificationValues Justify(TextAlign align) => align switch
    {
        TextAlign.Center => JustificationValues.Center,
        TextAlign.Right => JustificationValues.Right,
        _ => JustificationValues.Left,
    };

    private static Table Table(TableBlock block, int contentWidth)
    {
        var total = block.Columns.Sum(c => c.Weight);
        var widths = block.Columns.Select(c => (int)(contentWidth * c.Weight / total)).ToArray();
        var table = new Table(new TableProperties(
            new TableWidth { Width = contentWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        var grid = new TableGrid();
        foreach (var w in widths)
        {
            grid.Append(new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < block.Columns.Count; i++)
        {
            header.Append(Cell(block.Columns[i].Title, widths[i], JustificationValues.Center, bold: true, shade: true));
        }

        table.Append(header);
        foreach (var row in block.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < block.Columns.Count; i++)
            {
                var text = i < row.Cells.Count ? row.Cells[i] : string.Empty;
                tr.Append(Cell(text, widths[i], Justify(block.Columns[i].Align), row.Bold, shade: false));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(string text, int width, JustificationValues justify, bool bold, bool shade)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EDEDED", Color = "auto" });
        }

        var cell = new TableCell(props);
        foreach (var line in text.Split('\n'))
        {
            cell.Append(Para(line, justify, bold: bold, small: true, spacingAfter: 0));
        }

        return cell;
    }

    private static Table Signatures(SignatureBlock block, int contentWidth)
    {
        var half = contentWidth / 2;
        var table = new Table(new TableProperties(
            new TableWidth { Width = contentWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(new GridColumn { Width = half.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = half.ToString(CultureInfo.InvariantCulture) }));
        for (var i = 0; i < block.Signatories.Count; i += 2)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var j = i; j < i + 2; j++)
            {
                var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = half.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                if (j < block.Signatories.Count)
                {
                    var s = block.Signatories[j];
                    cell.Append(Para(s.Role, JustificationValues.Left, bold: true, spacingAfter: 0));
                    cell.Append(Para(s.Name ?? Blank, JustificationValues.Left, spacingAfter: 0, underline: s.Name is not null));
                    cell.Append(Para($"({s.NameHint})", JustificationValues.Left, small: true, spacingAfter: 0));
                    cell.Append(Para($"{s.DateLabel} {s.Date ?? ShortBlank}", JustificationValues.Left, spacingAfter: 0));
                    cell.Append(Para($"{s.SignatureLabel} {ShortBlank}", JustificationValues.Left, spacingAfter: 200));
                }
                else
                {
                    cell.Append(Para(string.Empty, JustificationValues.Left));
                }

                row.Append(cell);
            }

            table.Append(row);
        }

        return table;
    }

    private static Footer Footer(DocumentLayout layout)
    {
        var footer = new Footer();
        if (layout.FooterNote is not null)
        {
            footer.Append(Para(layout.FooterNote, JustificationValues.Left, small: true, spacingAfter: 0));
        }

        var page = new Paragraph(ParagraphProps(JustificationValues.Center, null, 0));
        page.Append(MakeRun(layout.PageLabel + " ", bold: false, small: true));
        page.Append(new SimpleField(MakeRun("1", bold: false, small: true)) { Instruction = " PAGE " });
        page.Append(MakeRun(" / ", bold: false, small: true));
        page.Append(new SimpleField(MakeRun("1", bold: false, small: true)) { Instruction = " NUMPAGES " });
        footer.Append(page);
        return footer;
    }

    private static Paragraph Para(string text, JustificationValues justify, bool bold = false, bool small = false, string? indent = null, int spacingAfter = 80, bool underline = false)
    {
        var p = new Paragraph(ParagraphProps(justify, indent, spacingAfter));
        if (text.Length > 0)
        {
            p.Append(MakeRun(text, bold, small, underline));
        }

        return p;
    }

    private static ParagraphProperties ParagraphProps(JustificationValues justify, string? indent, int spacingAfter)
    {
        // Schema order: spacing, ind, jc.
        var props = new ParagraphProperties(new SpacingBetweenLines { After = spacingAfter.ToString(CultureInfo.InvariantCulture), Before = "0" });
        if (indent is not null)
        {
            props.Append(new Indentation { Left = indent });
        }

        props.Append(new Justification { Val = justify });
        return props;
    }

    private static Run MakeRun(string text, bool bold, bool small, bool underline = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            props.Append(new Bold());
        }

        // Schema order: sz before u.
        var size = (small ? SmallSize : BodySize).ToString(CultureInfo.InvariantCulture);
        props.Append(new FontSize { Val = size });
        if (underline)
        {
            props.Append(new Underline { Val = UnderlineValues.Single });
        }
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
