using Bagalau.Application.Time;
using Bagalau.IntegrationTests.Organisation;

namespace Bagalau.IntegrationTests.Time;

public sealed class KazakhstanClockTests
{
    [Fact]
    public void Today_AtSevenInTheEveningUtc_IsAlreadyTomorrowInKazakhstan() =>
        Assert.Equal(new DateOnly(2026, 1, 6), KazakhstanClock.Today(new FixedClock(new DateTimeOffset(2026, 1, 5, 19, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void Today_JustBeforeKazakhstanMidnight_IsStillTheSameDay() =>
        Assert.Equal(new DateOnly(2026, 1, 5), KazakhstanClock.Today(new FixedClock(new DateTimeOffset(2026, 1, 5, 18, 59, 59, TimeSpan.Zero))));
}
