using Bagalau.Application.Documents.Layout;

namespace Bagalau.Application.Documents;

/// <summary>A rendered form: the file's bytes, a file name and its content type.</summary>
public sealed record RenderedDocument(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The one entry point for printed forms: a filled record, a language and a format give a file.
/// Stateless and thread-safe; the web app, the API, the CLI and the workflows share it.
/// </summary>
public sealed class DocumentService
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    public RenderedDocument Render(FormDocument document, DocumentLanguage language, DocumentFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layout = document.ToLayout(new FormText(language));
        var lang = language == DocumentLanguage.Kk ? "kk" : "ru";
        return format switch
        {
            DocumentFileFormat.Docx => new RenderedDocument(DocxWriter.Render(layout), $"{document.FormId}-{lang}.docx", DocxContentType),
            DocumentFileFormat.Pdf => new RenderedDocument(PdfWriter.Render(layout), $"{document.FormId}-{lang}.pdf", PdfContentType),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown document format."),
        };
    }

    /// <summary>Parses "kk" / "ru" (the languages the forms exist in); null otherwise.</summary>
    public static DocumentLanguage? ParseLanguage(string? text) => text switch
    {
        "kk" => DocumentLanguage.Kk,
        "ru" => DocumentLanguage.Ru,
        _ => null,
    };

    /// <summary>Parses "docx" / "pdf"; null otherwise.</summary>
    public static DocumentFileFormat? ParseFormat(string? text) => text switch
    {
        "docx" => DocumentFileFormat.Docx,
        "pdf" => DocumentFileFormat.Pdf,
        _ => null,
    };
}
