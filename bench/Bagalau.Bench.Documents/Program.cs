using System.Diagnostics;
using System.Globalization;
using Bagalau.Application.Documents;
using Bagalau.Application.Packs;

// Renders N nhrc rating sheets (each with its own scores, decided by the engine) as DOCX and as
// PDF on one thread and prints sheets per second for each format.
var inv = CultureInfo.InvariantCulture;
var count = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, inv, out var n) && n > 0 ? n : 200;
var packs = PackCatalog.LoadEmbedded().Catalogue;
var sheets = Enumerable.Range(1, count).Select(i => SampleDocuments.RatingSheet(packs, i)).ToList();
var service = new DocumentService();

// Warm up both writers (JIT, font loading) before timing.
for (var i = 0; i < 5; i++)
{
    service.Render(sheets[i % count], DocumentLanguage.Kk, DocumentFileFormat.Docx);
    service.Render(sheets[i % count], DocumentLanguage.Kk, DocumentFileFormat.Pdf);
}

foreach (var format in new[] { DocumentFileFormat.Docx, DocumentFileFormat.Pdf })
{
    long bytes = 0;
    var sw = Stopwatch.StartNew();
    foreach (var sheet in sheets)
    {
        bytes += service.Render(sheet, DocumentLanguage.Kk, format).Content.Length;
    }

    sw.Stop();
    Console.WriteLine(string.Create(
        inv,
        $"{format.ToString().ToUpperInvariant()}: {count} rating sheets in {sw.Elapsed.TotalMilliseconds:0} ms = {count / sw.Elapsed.TotalSeconds:0.0} sheets/s, {bytes / count / 1024.0:0.0} KiB per sheet"));
}
