using Bagalau.Application.Packs;
using Bagalau.Cli;

namespace Bagalau.IntegrationTests.Cli;

/// <summary>HR adds next year's decree as a file, without a release (kz-calendar.md: "2026: HR enters it").</summary>
public sealed class CalendarAdditionTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("bagalau-calendar-");

    private string Additions => Path.Combine(_work.FullName, "additions");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Add_DecreeTransfer_MovesTheDayOffAndChangesDeadlines()
    {
        // A made-up 2026 decree: Friday 2026-01-09 off, Saturday 2026-01-03 worked instead.
        var file = Write("decree-2026.yaml", "transfers:\n  - {day-off: 2026-01-09, workday: 2026-01-03, decree: \"2026\"}\n");
        var before = PackCatalog.LoadEmbedded(Additions).Catalogue.Calendar;

        var add = await RunAsync("calendar", "add", file, "--dir", Additions);
        var after = PackCatalog.LoadEmbedded(Additions).Catalogue.Calendar;
        var show = await RunAsync("calendar", "show", "2026", "--dir", Additions);

        Assert.Equal(0, add.Code);
        Assert.True(File.Exists(Path.Combine(Additions, "decree-2026.yaml")));
        Assert.True(before.IsWorkingDay(new DateOnly(2026, 1, 9)));
        Assert.False(after.IsWorkingDay(new DateOnly(2026, 1, 9)));
        Assert.True(after.IsWorkingDay(new DateOnly(2026, 1, 3)));
        Assert.Equal(new DateOnly(2026, 1, 12), after.AddWorkingDays(new DateOnly(2026, 1, 8), 1));
        Assert.Contains("2026-01-09", show.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transfers: [{day-off: 2026-13-40, workday: 2026-01-03}]\n")]
    [InlineData("transfers: [{day-off: 2026-01-09}\n")]
    [InlineData("colour: red\n")]
    public async Task Add_BadFile_IsRefusedWithTheProblemAndChangesNothing(string text)
    {
        var file = Write("bad.yaml", text);

        var add = await RunAsync("calendar", "add", file, "--dir", Additions);

        Assert.Equal(1, add.Code);
        Assert.Contains("was not added", add.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Additions) && Directory.EnumerateFiles(Additions).Any());
    }

    [Fact]
    public async Task Add_MissingFile_IsAClearError()
    {
        var add = await RunAsync("calendar", "add", Path.Combine(_work.FullName, "none.yaml"), "--dir", Additions);

        Assert.Equal(1, add.Code);
        Assert.Contains("no such file", add.Err, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
