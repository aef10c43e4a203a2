using Bagalau.Domain.Calendar;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Calendar;

public class KzCalendarTests
{
    [Theory]
    [InlineData("2024-03-21", false)] // Nauryz, Thursday
    [InlineData("2024-03-22", false)] // Nauryz, Friday
    [InlineData("2024-03-25", false)] // Nauryz 23 March fell on Saturday: moved to Monday
    [InlineData("2024-03-26", true)]
    [InlineData("2024-05-04", true)]  // decree working Saturday
    [InlineData("2024-05-08", false)] // decree day off
    [InlineData("2024-06-16", false)] // Kurban Ait on a Sunday ...
    [InlineData("2024-06-17", true)]  // ... is religious: never moved
    [InlineData("2024-07-08", false)] // Capital Day on Saturday moved to Monday
    [InlineData("2024-08-30", false)] // Constitution Day (up to 2025)
    [InlineData("2025-09-01", false)] // Constitution Day 2025 on Saturday moved to Monday
    [InlineData("2026-08-31", true)]  // no Constitution Day in 2026
    [InlineData("2027-03-15", false)] // Constitution Day from 2027
    [InlineData("2021-12-17", false)] // Independence Day second day, to 2021
    [InlineData("2022-12-16", false)]
    [InlineData("2023-12-18", false)] // 16 December on Saturday moved to Monday
    [InlineData("2020-05-08", false)] // decree: Friday off ...
    [InlineData("2020-05-11", true)]  // ... Monday worked instead of the moved Victory Day
    [InlineData("2022-01-03", false)] // 1 and 2 January on a weekend: Monday and Tuesday off
    [InlineData("2022-01-04", false)]
    [InlineData("2022-07-11", true)]  // Kurban Ait 2022 on Saturday: not moved
    [InlineData("2018-12-18", false)] // 16 Dec Sunday, 17 Dec Monday holiday: moved to Tuesday
    public void IsWorkingDay_FollowsTheKazakhCalendar(string date, bool working) =>
        Assert.Equal(working, Kz.IsWorkingDay(D(date)));

    [Fact]
    public void AddWorkingDays_OverConstitutionDay2024_SkipsTheHolidayAndTheWeekend() =>
        Assert.Equal(D("2024-09-03"), Kz.AddWorkingDays(D("2024-08-29"), 2));

    [Fact]
    public void AddWorkingDays_Negative_CountsBackAcrossNauryz() =>
        Assert.Equal(D("2024-03-13"), Kz.AddWorkingDays(D("2024-03-27"), -7));

    [Fact]
    public void AddWorkingDays_FromADayOff_DoesNotCountTheStartDay() =>
        Assert.Equal(D("2024-03-26"), Kz.AddWorkingDays(D("2024-03-22"), 1));

    [Fact]
    public void CountWorkingDays_ExcludesTheStartAndIncludesTheEnd() =>
        Assert.Equal(3, Kz.CountWorkingDays(D("2024-05-03"), D("2024-05-10")));

    [Fact]
    public void With_ExtraHolidayAndWorkday_OverrideTheBuiltInDays()
    {
        var custom = Kz.With([D("2024-09-02")], [D("2024-08-31")]);
        Assert.False(custom.IsWorkingDay(D("2024-09-02")));
        Assert.True(custom.IsWorkingDay(D("2024-08-31")));
        Assert.True(Kz.IsWorkingDay(D("2024-09-02")));
    }

    [Fact]
    public void Merge_NextYearsDecree_AddsItsTransfer()
    {
        var problems = new Problems();
        var decree = CalendarData.Read(Yaml("transfers:\n  - {day-off: 2026-03-20, workday: 2026-03-14, decree: \"2026 test\"}\n"), problems);
        Assert.False(problems.Any);
        var merged = Kz.Merge(decree);
        Assert.False(merged.IsWorkingDay(D("2026-03-20")));
        Assert.True(merged.IsWorkingDay(D("2026-03-14")));
        Assert.True(Kz.IsWorkingDay(D("2026-03-20")));
    }

    [Fact]
    public void Read_BadDatesAndUnknownKeys_AreEachReportedWithFileAndPath()
    {
        var problems = new Problems();
        CalendarData.Read(Yaml("holidays:\n  - {id: x, date: \"13-40\", from: 2020, name: {kk: a, ru: b, en: c}}\ntransfers:\n  - {day-off: 2026-02-30}\ncolour: red\n", "calendar/bad.yaml"), problems);
        Assert.Equal(3, problems.Items.Count);
        Assert.All(problems.Items, p => Assert.Equal("calendar/bad.yaml", p.File));
        Assert.Contains(problems.Items, p => p.Path == "holidays[0].date" && p.Reason.Contains("MM-DD"));
        Assert.Contains(problems.Items, p => p.Path == "transfers[0].day-off" && p.Reason.Contains("YYYY-MM-DD"));
        Assert.Contains(problems.Items, p => p.Path == "colour" && p.Reason.Contains("unknown key"));
    }

    [Fact]
    public void AddWorkingDays_NeverLandsOnADayOff()
    {
        var random = new Random(20240321);
        for (var i = 0; i < 5000; i++)
        {
            var from = D("2018-01-01").AddDays(random.Next(0, 3650));
            var n = random.Next(-40, 41);
            if (n == 0)
            {
                continue;
            }

            var due = Kz.AddWorkingDays(from, n);
            Assert.True(Kz.IsWorkingDay(due), $"{from} {n:+#;-#} -> {due} is a day off");
        }
    }

    [Fact]
    public void CountWorkingDays_OfAddWorkingDays_GivesBackN()
    {
        var random = new Random(19660);
        for (var i = 0; i < 5000; i++)
        {
            var from = D("2018-01-01").AddDays(random.Next(0, 3650));
            var n = random.Next(0, 60);
            Assert.Equal(n, Kz.CountWorkingDays(from, Kz.AddWorkingDays(from, n)));
            if (Kz.IsWorkingDay(from) && n > 0)
            {
                Assert.Equal(n, Kz.CountWorkingDays(Kz.AddWorkingDays(from, -n), from));
            }
        }
    }

    [Fact]
    public void EveryYear_Has240To255WorkingDays()
    {
        for (var year = 2018; year <= 2027; year++)
        {
            var count = Kz.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
            Assert.InRange(count, 240, 255);
        }
    }
}
