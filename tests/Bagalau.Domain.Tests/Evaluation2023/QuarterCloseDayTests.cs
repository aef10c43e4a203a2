using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Evaluation2023;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

public class QuarterCloseDayTests
{
    private static readonly Actor Hr = Actor.WithRoles("hr", Guid.NewGuid(), Actor.Hr);
    private static readonly Actor Authorized = Actor.WithRoles("authorized", Guid.NewGuid(), Actor.AuthorizedPerson);

    private static QuarterRound Round(string pack, int year, int quarter, string evaluationDate, bool approve = true)
    {
        var round = QuarterRound.Schedule(Guid.NewGuid(), Catalogue.Find(pack)!, Period.OfQuarter(year, quarter), D(evaluationDate), Kz, Hr);
        Assert.False(round.IsRefused, round.Refusal?.ToString());
        if (approve)
        {
            Assert.Null(round.Value!.Approve(Authorized, D(evaluationDate)));
        }

        return round.Value!;
    }

    [Fact]
    public void Nhrc_Q2_IsClosedTheDayAfterItsDeadlineOnThe20th()
    {
        var round = Round("nhrc", 2026, 2, "2026-07-10");

        Assert.Equal(D("2026-07-21"), QuarterCloseDay.Of(round, Catalogue.Find("nhrc")!, Kz));
        Assert.False(QuarterCloseDay.IsDue(round, Catalogue.Find("nhrc")!, Kz, D("2026-07-20")));
        Assert.True(QuarterCloseDay.IsDue(round, Catalogue.Find("nhrc")!, Kz, D("2026-07-21")));
    }

    [Fact]
    public void Nhrc_Q4_IsClosedBefore30January_SoTheAnnualScoreExistsByThen()
    {
        var round = Round("nhrc", 2026, 4, "2027-01-12");

        Assert.Equal(D("2027-01-20"), round.Due);
        Assert.Equal(D("2027-01-21"), QuarterCloseDay.Of(round, Catalogue.Find("nhrc")!, Kz));
        Assert.True(QuarterCloseDay.Of(round, Catalogue.Find("nhrc")!, Kz) <= D("2027-01-30"));
    }

    [Fact]
    public void Oskemen_Q1_IsClosedTheDayAfterItsDeadlineOnThe10th()
    {
        var round = Round("oskemen-maslikhat", 2024, 1, "2024-04-05");

        Assert.Equal(D("2024-04-11"), QuarterCloseDay.Of(round, Catalogue.Find("oskemen-maslikhat")!, Kz));
    }

    [Fact]
    public void ARoundNotApproved_IsNeverDue()
    {
        var round = Round("nhrc", 2026, 2, "2026-07-10", approve: false);

        Assert.False(QuarterCloseDay.IsDue(round, Catalogue.Find("nhrc")!, Kz, D("2026-12-31")));
    }
}
