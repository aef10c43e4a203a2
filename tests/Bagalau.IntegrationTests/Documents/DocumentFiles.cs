using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Bagalau.IntegrationTests.Documents;

/// <summary>Reads rendered files back as a person would: DOCX through OpenXml, PDF through poppler's pdftotext.</summary>
internal static partial class DocumentFiles
{
    /// <summary>The DOCX's paragraphs (body, tables and footer), its table cells, its validation errors and orientation.</summary>
    public sealed record Docx(IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<string>> TableRows, IReadOnlyList<string> Footer, IReadOnlyList<string> Errors, bool Landscape)
    {
        public string Text => string.Join("\n", Paragraphs);
    }

    public static Docx ReadDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        var rows = body.Descendants<TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList())
            .ToList();
        var footer = doc.MainDocumentPart.FooterParts.SelectMany(f => f.Footer.Descendants<Paragraph>().Select(p => p.InnerText)).ToList();
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        return new Docx(paragraphs, rows, footer, errors, size.Orient?.Value == PageOrientationValues.Landscape && size.Width!.Value > size.Height!.Value);
    }

    public static int PdfPageCount(byte[] bytes) => PageObject().Matches(Encoding.Latin1.GetString(bytes)).Count;

    /// <summary>
    /// The PDF's text by pdftotext, or null when poppler-utils is missing; with
    /// BAGALAU_REQUIRE_BROWSER=1 (scripts/test.sh) a missing pdftotext fails the test instead.
    /// </summary>
    public static string? PdfText(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), "bagalau-doc-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(file, bytes);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            if (Environment.GetEnvironmentVariable("BAGALAU_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail("pdftotext (poppler-utils) is missing but BAGALAU_REQUIRE_BROWSER=1: install poppler-utils.");
            }

            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Text with every run of whitespace collapsed, so wrapped lines compare as one.</summary>
    public static string Flat(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"/Type /Page(?!s)")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
