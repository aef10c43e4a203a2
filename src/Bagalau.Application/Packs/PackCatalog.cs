using System.Reflection;
using Bagalau.Domain.Packs;

namespace Bagalau.Application.Packs;

/// <summary>
/// The catalogue of methodology packs the application runs on: the packs and calendar embedded at
/// build (packs/**, calendar/*.yaml), optionally replaced by a pack directory on disk. Loaded once,
/// all-or-nothing: a bad pack stops the load with every problem listed (PackLoadException).
/// Register as a singleton.
/// </summary>
public sealed class PackCatalog(PackCatalogue catalogue)
{
    public PackCatalogue Catalogue { get; } = catalogue;

    /// <summary>The packs and calendar embedded in Bagalau.Application.</summary>
    public static PackCatalog LoadEmbedded()
    {
        var files = EmbeddedFiles();
        return new PackCatalog(PackCatalogue.Load(PackSources(files), CalendarNodes(files)));
    }

    /// <summary>
    /// The embedded packs plus the packs of a directory on disk (a pack folder, or a folder of
    /// them): a pack on disk replaces the embedded pack with the same id, all its files.
    /// </summary>
    public static PackCatalog LoadDirectory(string directory)
    {
        var embedded = EmbeddedFiles();
        var disk = DirectoryFiles(directory);
        if (disk.Trees.Count == 0 && disk.Errors.Count == 0)
        {
            disk.Errors.Add((directory, "no pack.yaml found"));
        }

        var diskIds = disk.Trees.Keys.Concat(disk.Errors.Select(e => e.Path)).Select(PackIdOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var key in embedded.Trees.Keys.Where(k => PackIdOf(k) is { } id && diskIds.Contains(id)).ToList())
        {
            embedded.Trees.Remove(key);
        }

        foreach (var (key, tree) in disk.Trees)
        {
            embedded.Trees[key] = tree;
        }

        embedded.Errors.AddRange(disk.Errors);
        return new PackCatalog(PackCatalogue.Load(PackSources(embedded), CalendarNodes(embedded)));
    }

    private static string? PackIdOf(string logicalName)
    {
        var parts = logicalName.Split('/');
        return parts.Length >= 3 && parts[0] == "packs" ? parts[1] : null;
    }

    /// <summary>Validates every pack folder under a directory (or the directory itself when it holds pack.yaml).</summary>
    public static IReadOnlyList<PackProblem> ValidateDirectory(string directory)
    {
        var files = DirectoryFiles(directory);
        var problems = new List<PackProblem>();
        foreach (var (path, error) in files.Errors)
        {
            problems.Add(new PackProblem(path, "", 0, error));
        }

        if (files.Trees.Count == 0 && files.Errors.Count == 0)
        {
            problems.Add(new PackProblem(directory, "", 0, "no pack.yaml found"));
        }

        foreach (var source in PackSources(files))
        {
            problems.AddRange(PackCatalogue.Validate(source));
        }

        return problems;
    }

    /// <summary>Files by logical name ("packs/nhrc/pack.yaml"), parsed; unreadable or malformed ones in Errors.</summary>
    public sealed record FileSet(Dictionary<string, Node> Trees, List<(string Path, string Error)> Errors);

    private static FileSet EmbeddedFiles()
    {
        var assembly = typeof(PackCatalog).Assembly;
        var set = new FileSet(new Dictionary<string, Node>(StringComparer.Ordinal), []);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("packs/", StringComparison.Ordinal) || n.StartsWith("calendar/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            Add(set, name, reader.ReadToEnd());
        }

        return set;
    }

    private static FileSet DirectoryFiles(string directory)
    {
        var set = new FileSet(new Dictionary<string, Node>(StringComparer.Ordinal), []);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            set.Errors.Add((directory, "directory not found"));
            return set;
        }

        // A directory that is itself one pack (holds pack.yaml) or a directory of pack folders.
        var packDirs = File.Exists(Path.Combine(full, "pack.yaml"))
            ? [full]
            : Directory.GetDirectories(full).Where(d => File.Exists(Path.Combine(d, "pack.yaml"))).Order(StringComparer.Ordinal).ToArray();
        foreach (var dir in packDirs)
        {
            var id = Path.GetFileName(dir);
            foreach (var file in Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
            {
                var logical = $"packs/{id}/{Path.GetFileName(file)}";
                try
                {
                    Add(set, logical, File.ReadAllText(file));
                }
                catch (IOException e)
                {
                    set.Errors.Add((logical, e.Message));
                }
                catch (UnauthorizedAccessException e)
                {
                    set.Errors.Add((logical, e.Message));
                }
            }
        }

        return set;
    }

    private static void Add(FileSet set, string logicalName, string text)
    {
        var (root, error) = YamlTree.Parse(text, logicalName);
        if (error is not null)
        {
            set.Errors.Add((logicalName, error));
        }
        else if (root is not null)
        {
            set.Trees[logicalName] = root;
        }
        else
        {
            set.Errors.Add((logicalName, "the file is empty"));
        }
    }

    private static IEnumerable<PackSource> PackSources(FileSet files)
    {
        if (files.Errors.Count > 0)
        {
            throw new PackLoadException(files.Errors.Select(e => new PackProblem(e.Path, "", 0, e.Error)).ToList());
        }

        var ids = files.Trees.Keys
            .Where(k => k.StartsWith("packs/", StringComparison.Ordinal) && k.EndsWith("/pack.yaml", StringComparison.Ordinal))
            .Select(k => k["packs/".Length..^"/pack.yaml".Length])
            .Order(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            yield return new PackSource(
                id,
                files.Trees[$"packs/{id}/pack.yaml"],
                files.Trees.GetValueOrDefault($"packs/{id}/clauses.yaml"),
                files.Trees.GetValueOrDefault($"packs/{id}/indicators.yaml"));
        }
    }

    private static IEnumerable<Node> CalendarNodes(FileSet files) =>
        files.Trees.Where(kv => kv.Key.StartsWith("calendar/", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value);
}
