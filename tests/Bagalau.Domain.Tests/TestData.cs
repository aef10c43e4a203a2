using Bagalau.Application.Packs;
using Bagalau.Domain.Calendar;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Tests;

/// <summary>The built-in packs and calendar, loaded once for all tests, and helpers to read YAML snippets.</summary>
public static class TestData
{
    private static readonly Lazy<PackCatalogue> Lazy = new(() => PackCatalog.LoadEmbedded().Catalogue);

    public static PackCatalogue Catalogue => Lazy.Value;

    public static KzCalendar Kz => Catalogue.Calendar;

    public static PackVersion Version(string pack, string asOf) =>
        Catalogue.Find(pack)!.VersionOn(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture))!;

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public static Node Yaml(string text, string file = "test.yaml")
    {
        var (root, error) = YamlTree.Parse(text, file);
        Assert.Null(error);
        return root!;
    }

    /// <summary>The repository root (the folder holding Bagalau.slnx).</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bagalau.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bagalau.slnx not found above " + AppContext.BaseDirectory);
    }
}
