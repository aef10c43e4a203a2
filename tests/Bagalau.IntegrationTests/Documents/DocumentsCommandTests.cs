using Bagalau.Cli;
using static Bagalau.IntegrationTests.Documents.DocumentFiles;

namespace Bagalau.IntegrationTests.Documents;

public class DocumentsCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("pdf")]
    public async Task Sample_WritesTheFormToTheFile(string format)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bagalau-sample-{Guid.NewGuid():N}.{format}");
        try
        {
            var run = await RunAsync("documents", "sample", "rating-sheet-non-leader", "--lang", "ru", "--format", format, "--out", file);

            Assert.Equal(0, run.Code);
            Assert.StartsWith(file + ": ", run.Out, StringComparison.Ordinal);
            var bytes = await File.ReadAllBytesAsync(file);
            if (format == "pdf")
            {
                Assert.True(PdfPageCount(bytes) >= 1);
            }
            else
            {
                Assert.Contains("Оценочный лист лица, не занимающего руководящую должность", ReadDocx(bytes).Paragraphs);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task List_PrintsEveryForm()
    {
        var run = await RunAsync("documents", "list");

        Assert.Equal(0, run.Code);
        Assert.Contains("calibration-protocol", run.Out, StringComparison.Ordinal);
        Assert.Equal(11, run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("Unknown form", "unknown form 'appendix-9'", "documents", "sample", "appendix-9")]
    [InlineData("Unknown language", "--lang must be kk or ru, not 'en'", "documents", "sample", "kpi-sheet", "--lang", "en")]
    [InlineData("Unknown format", "--format must be docx or pdf, not 'odt'", "documents", "sample", "kpi-sheet", "--format", "odt")]
    [InlineData("Unknown option", "unknown option --pages", "documents", "sample", "kpi-sheet", "--pages", "2")]
    [InlineData("No form", "usage: bagalau documents sample", "documents", "sample")]
    public async Task BadArguments_AreRefusedWithAClearMessage_AndWriteNothing(string because, string message, params string[] args)
    {
        var run = await RunAsync(args);

        Assert.True(run.Code == 2, because);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task AnUnwritableOutput_IsReported_NotACrash()
    {
        var run = await RunAsync("documents", "sample", "kpi-sheet", "--out", "/nonexistent-dir/x/kpi.pdf");

        Assert.Equal(1, run.Code);
        Assert.Contains("cannot write /nonexistent-dir/x/kpi.pdf", run.Err, StringComparison.Ordinal);
    }
}
