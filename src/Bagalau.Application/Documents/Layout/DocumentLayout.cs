namespace Bagalau.Application.Documents.Layout;

/// <summary>Page orientation of a form: most acts' forms are portrait; wide tables go landscape.</summary>
public enum PageOrientation
{
    Portrait,
    Landscape,
}

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A form laid out once, in one language, as a list of blocks; the DOCX and PDF writers render the
/// same layout so every form is defined in one place (its builder).
/// </summary>
/// <param name="Title">Document title (DOCX core property, PDF metadata).</param>
/// <param name="FooterNote">Printed at the foot of every page (e.g. "unofficial translation"), or null.</param>
/// <param name="PageLabel">Word before the page number: "бет" / "стр.".</param>
public sealed record DocumentLayout(
    string Title,
    PageOrientation Orientation,
    IReadOnlyList<LayoutBlock> Blocks,
    string? FooterNote,
    string PageLabel);

public abstract record LayoutBlock;

/// <summary>The right-hand corner note of an act's appendix ("... әдістемесіне 1 қосымша / Нысан").</summary>
public sealed record CornerNote(IReadOnlyList<string> Lines) : LayoutBlock;

/// <summary>The "БЕКІТЕМІН" approval block in the right half of the page.</summary>
/// <param name="Heading">"БЕКІТЕМІН" / "УТВЕРЖДАЮ".</param>
/// <param name="Position">Who approves (e.g. "Жоғары тұрған басшы"), from the record.</param>
/// <param name="Name">Approver's name when known, else a blank line.</param>
/// <param name="NameHint">The act's hint under the name line.</param>
public sealed record ApprovalBlock(
    string Heading,
    string Position,
    string? Name,
    string NameHint,
    string DateLabel,
    string? Date,
    string SignatureLabel) : LayoutBlock;

/// <summary>A centred bold title line.</summary>
public sealed record HeadingBlock(string Text) : LayoutBlock;

/// <summary>A paragraph; <paramref name="Small"/> renders in the note size (hints, footnotes).</summary>
public sealed record ParagraphBlock(string Text, bool Bold = false, TextAlign Align = TextAlign.Left, bool Small = false) : LayoutBlock;

/// <summary>"Label: value" with the value underlined (a blank line when the value is empty).</summary>
public sealed record FieldBlock(string Label, string? Value) : LayoutBlock;

/// <summary>A bordered table: header row from the columns, cells wrap, rows may be bold.</summary>
public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<LayoutRow> Rows) : LayoutBlock;

/// <summary>A column with its relative width.</summary>
public sealed record TableColumn(string Title, float Weight, TextAlign Align = TextAlign.Left);

public sealed record LayoutRow(IReadOnlyList<string> Cells, bool Bold = false);

/// <summary>Signature blocks side by side (two per row): role, name, date and signature lines.</summary>
public sealed record SignatureBlock(IReadOnlyList<Signatory> Signatories) : LayoutBlock;

/// <param name="Role">"Қызметші", "Тікелей басшы", "Комиссияның төрағасы"...</param>
/// <param name="Name">The person's name, or null for a blank line.</param>
/// <param name="NameHint">The act's hint under the name ("тегі, аты-жөнінің бірінші әріптері").</param>
/// <param name="Date">The date already formatted, or null for a blank line.</param>
public sealed record Signatory(string Role, string? Name, string NameHint, string DateLabel, string? Date, string SignatureLabel);
