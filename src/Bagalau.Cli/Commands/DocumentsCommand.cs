using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;

namespace Bagalau.Cli.Commands;

/// <summary>
/// `bagalau documents sample FORM --lang kk|ru --format docx|pdf --out FILE`: renders a form from
/// its built-in sample record so methodologists can check the layout by eye.
/// </summary>
public sealed class DocumentsCommand : ICliCommand
{
    public string Name => "documents";

    public string Summary => "printed forms: documents sample FORM --lang kk|ru --format docx|pdf --out FILE";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (parsed, error) = CliArgs.Parse(args, "lang", "format", "out");
        if (parsed is null)
        {
            await stderr.WriteLineAsync("bagalau documents: " + error);
            return 2;
        }

        if (parsed.Positional is ["list"])
        {
            foreach (var id in SampleDocuments.FormIds)
            {
                await stdout.WriteLineAsync(id);
            }

            return 0;
        }

        if (parsed.Positional is not ["sample", var formId])
        {
            await stderr.WriteLineAsync("usage: bagalau documents sample FORM --lang kk|ru --format docx|pdf --out FILE");
            await stderr.WriteLineAsync("       bagalau documents list");
            return 2;
        }

        if (!SampleDocuments.FormIds.Contains(formId))
        {
            await stderr.WriteLineAsync($"bagalau documents: unknown form '{formId}'; forms: {string.Join(", ", SampleDocuments.FormIds)}");
            return 2;
        }

        var language = DocumentService.ParseLanguage(parsed["lang"] ?? "kk");
        if (language is null)
        {
            await stderr.WriteLineAsync($"bagalau documents: --lang must be kk or ru, not '{parsed["lang"]}'");
            return 2;
        }

        var format = DocumentService.ParseFormat(parsed["format"] ?? "pdf");
        if (format is null)
        {
            await stderr.WriteLineAsync($"bagalau documents: --format must be docx or pdf, not '{parsed["format"]}'");
            return 2;
        }

        PackCatalog catalog;
        try
        {
            catalog = PackCatalog.LoadEmbedded();
        }
        catch (PackLoadException e)
        {
            await stderr.WriteLineAsync("bagalau documents: the built-in packs do not load: " + string.Join("; ", e.Problems));
            return 1;
        }

        var record = SampleDocuments.Create(formId, catalog.Catalogue)!;
        var rendered = new DocumentService().Render(record, language.Value, format.Value);
        var path = parsed["out"] ?? rendered.FileName;
        try
        {
            await File.WriteAllBytesAsync(path, rendered.Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"bagalau documents: cannot write {path}: {e.Message}");
            return 1;
        }

        await stdout.WriteLineAsync($"{path}: {rendered.ContentType}, {rendered.Content.Length} bytes");
        return 0;
    }
}
