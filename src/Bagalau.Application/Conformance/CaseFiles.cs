using Bagalau.Application.Packs;
using Bagalau.Domain.Conformance;
using Bagalau.Domain.Packs;

namespace Bagalau.Application.Conformance;

/// <summary>
/// Finds and reads conformance case files for `bagalau conformance FILE_OR_DIR...`: files given
/// directly are always cases; in directories (searched recursively) every .yaml/.yml under a
/// `cases/` folder (whatever its name, e.g. cases/indicators.yaml), and any other whose top level
/// is a case or a list of cases. Pack data files (pack.yaml, clauses.yaml, indicators.yaml) and
/// calendar files outside `cases/` are skipped.
/// </summary>
public static class CaseFiles
{
    private static readonly string[] PackDataFiles = ["pack.yaml", "clauses.yaml", "indicators.yaml"];

    public static IReadOnlyList<CaseFile> Find(IEnumerable<string> paths)
    {
        var result = new List<CaseFile>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                result.Add(Read(path));
            }
            else if (Directory.Exists(path))
            {
                result.AddRange(FromDirectory(path));
            }
            else
            {
                result.Add(new CaseFile(path, null, $"cannot read '{path}': no such file or directory"));
            }
        }

        return result;
    }

    private static IEnumerable<CaseFile> FromDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
            var folders = relative.Split('/')[..^1];
            var underCases = folders.Contains("cases");
            if (folders.Contains("bin") || folders.Contains("obj")
                || (!underCases && (PackDataFiles.Contains(Path.GetFileName(file)) || folders.Contains("calendar"))))
            {
                continue;
            }

            var caseFile = Read(file);
            if (underCases || caseFile.Error is not null || IsCases(caseFile.Root))
            {
                yield return caseFile;
            }
        }
    }

    private static CaseFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            return new CaseFile(path, null, $"cannot read '{path}': {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new CaseFile(path, null, $"cannot read '{path}': {e.Message}");
        }

        var (root, error) = YamlTree.Parse(text, path);
        return new CaseFile(path, root, error);
    }

    /// <summary>A case map (has a decision) or a list of them.</summary>
    public static bool IsCases(Node? root) => root switch
    {
        MapNode m => m.Has("decision"),
        ListNode l => l.Items.Count > 0 && l.Items.All(i => i is MapNode m && m.Has("decision")),
        _ => false,
    };
}
