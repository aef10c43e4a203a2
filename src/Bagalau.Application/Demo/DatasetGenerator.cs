using Bagalau.Application.Import;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Demo;

/// <summary>What one generated body gave: its code, servants and import outcome.</summary>
public sealed record GeneratedBodyResult(GeneratedBody Body, ImportReport Report);

/// <summary>
/// Writes a <see cref="NationalDataset"/> into the database body by body through
/// <see cref="OrganisationImport"/> (the same all-or-nothing bulk path as an HR officer's
/// import), so only one body is ever held in memory.
/// </summary>
public sealed class DatasetGenerator(BagalauDbContext db, OrganisationImport import)
{
    /// <summary>Null when the database can take the dataset, else the reason (a body code already taken).</summary>
    public async Task<string?> CheckAsync(NationalDataset dataset, CancellationToken ct = default)
    {
        var codes = dataset.Bodies.Select(b => b.Code).ToList();
        var taken = await db.StateBodies.Where(b => codes.Contains(b.Code)).Select(b => b.Code).FirstOrDefaultAsync(ct);
        return taken is null ? null : $"state body '{taken}' already exists: generate into an empty database";
    }

    /// <summary>Creates each body and imports its files; stops at the first body whose import is refused.</summary>
    public async IAsyncEnumerable<GeneratedBodyResult> GenerateAsync(NationalDataset dataset, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var generated in dataset.Bodies)
        {
            var body = StateBody.Create(generated.Code, generated.NameKk, generated.NameRu, generated.NameEn).Value;
            db.StateBodies.Add(body);
            await db.SaveChangesAsync(ct);
            var files = dataset.Files(generated)
                .Select(f => new ImportFile(f.Name, new MemoryStream(f.Content, writable: false)))
                .ToList();
            var report = await import.ImportAsync(body.Id, files, ct);

            // One body at a time in memory.
            db.ChangeTracker.Clear();
            yield return new GeneratedBodyResult(generated, report);
            if (!report.Succeeded)
            {
                yield break;
            }
        }
    }

    /// <summary>Writes each body's CSV files under <paramref name="directory"/>/&lt;body code&gt;/ instead of importing them.</summary>
    public static void WriteCsv(NationalDataset dataset, string directory)
    {
        foreach (var body in dataset.Bodies)
        {
            var folder = Path.Combine(directory, body.Code);
            Directory.CreateDirectory(folder);
            foreach (var (name, content) in dataset.Files(body))
            {
                File.WriteAllBytes(Path.Combine(folder, name), content);
            }
        }
    }
}
