using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Decisions;

public class ScoreTests
{
    private static readonly PackVersion Nhrc = Version("nhrc", "2026-06-30");
    private static readonly PackVersion Oskemen = Version("oskemen-maslikhat", "2024-06-30");
    private static readonly Period Q2 = Period.OfQuarter(2026, 2);

    private static Dictionary<string, decimal> NonLeader(decimal q, decimal t, decimal i, decimal d, decimal s) =>
        new() { ["quality"] = q, ["timeliness"] = t, ["initiative"] = i, ["discipline"] = d, ["no-sanctions"] = s };

    [Fact]
    public void NonLeaderAverage_IsTheMeanOfTheFiveParameters_CitingAppendix2()
    {
        var result = QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, NonLeader(4, 4, 3, 5, 5), []);
        Assert.Equal(4.2m, result.Answer!.Average);
        Assert.Equal(4.2m, result.Answer.Score);
        Assert.Equal("effective", result.Answer.Grade);
        Assert.Null(result.Answer.CappedBy);
        Assert.Equal("appendix-2", result.Provenance!.Clause);
    }

    [Theory]
    [InlineData("2026-04-01")] // the quarter's first day
    [InlineData("2026-06-30")] // the quarter's last day
    public void Reprimand_WithinTheQuarter_CapsTheScoreAt299(string applied)
    {
        var result = QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, NonLeader(5, 5, 5, 5, 4), [new Sanction("reprimand", D(applied))]);
        Assert.Equal(4.8m, result.Answer!.Average);
        Assert.Equal(2.99m, result.Answer.Score);
        Assert.Equal("satisfactory", result.Answer.Grade);
        Assert.Equal("reprimand", result.Answer.CappedBy);
    }

    [Fact]
    public void Reprimand_TheDayAfterTheQuarter_DoesNotCap() =>
        Assert.Null(QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, NonLeader(5, 5, 5, 5, 4), [new Sanction("reprimand", D("2026-07-01"))]).Answer!.CappedBy);

    [Fact]
    public void Demotion_CapsAt199_EvenWithAMilderSanctionToo()
    {
        var result = QuarterScoreDecision.Decide(Nhrc, "leader", Q2, new Dictionary<string, decimal> { ["unit-quality"] = 4, ["unit-timeliness"] = 4, ["leadership"] = 4, ["discipline"] = 4, ["no-sanctions"] = 0 },
            [new Sanction("remark", D("2026-05-01")), new Sanction("demotion", D("2026-05-02"))]);
        Assert.Equal(1.99m, result.Answer!.Score);
        Assert.Equal("demotion", result.Answer.CappedBy);
        Assert.Equal("unsatisfactory", result.Answer.Grade);
        Assert.Equal("appendix-1", result.Provenance!.Clause);
    }

    [Fact]
    public void Average_IsRoundedHalfAwayFromZero_BeforeBanding()
    {
        // 3.995 would band nowhere; rounded half away from zero it is 4.00, effective.
        var scores = new Dictionary<string, decimal> { ["quality"] = 4, ["timeliness"] = 4, ["initiative"] = 3.99m, ["discipline"] = 3.99m };
        var result = QuarterScoreDecision.Decide(Oskemen, "non-leader", Period.OfQuarter(2024, 2), scores, []);
        Assert.Equal(4.00m, result.Answer!.Score);
        Assert.Equal("effective", result.Answer.Grade);
        Assert.Equal("32", result.Provenance!.Clause);
    }

    [Fact]
    public void Oskemen_HasNoSanctionCaps()
    {
        var scores = new Dictionary<string, decimal> { ["quality"] = 5, ["timeliness"] = 5, ["initiative"] = 5, ["discipline"] = 5 };
        var result = QuarterScoreDecision.Decide(Oskemen, "non-leader", Period.OfQuarter(2024, 2), scores, [new Sanction("severe-reprimand", D("2024-05-01"))]);
        Assert.Equal(5m, result.Answer!.Score);
        Assert.Null(result.Answer.CappedBy);
    }

    [Theory]
    [InlineData("unknown-form", "chief", 4.0)]
    [InlineData("score-out-of-range", "non-leader", 5.5)]
    [InlineData("score-out-of-range", "non-leader", -0.5)]
    public void BadSheets_AreRefused(string code, string form, double quality) =>
        Assert.Equal(code, QuarterScoreDecision.Decide(Nhrc, form, Q2, NonLeader((decimal)quality, 4, 4, 4, 4), []).Refusal!.Code);

    [Fact]
    public void MissingAndUnknownParameters_AreRefused()
    {
        var missing = NonLeader(4, 4, 4, 4, 4);
        missing.Remove("discipline");
        Assert.Equal("score-missing", QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, missing, []).Refusal!.Code);
        var extra = NonLeader(4, 4, 4, 4, 4);
        extra["leadership"] = 4;
        Assert.Equal("unknown-parameter", QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, extra, []).Refusal!.Code);
    }

    [Fact]
    public void QuarterScore_Properties_AverageWithinScores_CapNeverExceeded_BandsMonotone()
    {
        var random = new Random(4242);
        var kinds = Vocabulary.SanctionKinds.Keys.ToList();
        for (var i = 0; i < 3000; i++)
        {
            var values = Enumerable.Range(0, 5).Select(_ => random.Next(0, 501) / 100m).ToArray();
            var sanctions = random.Next(3) == 0 ? [new Sanction(kinds[random.Next(kinds.Count)], Q2.Start.AddDays(random.Next(0, 91)))] : new List<Sanction>();
            var result = QuarterScoreDecision.Decide(Nhrc, "non-leader", Q2, NonLeader(values[0], values[1], values[2], values[3], values[4]), sanctions).Answer!;
            Assert.InRange(result.Average, values.Min(), values.Max());
            Assert.True(result.Score <= result.Average);
            if (sanctions.Count == 1)
            {
                Assert.True(result.Score <= Nhrc.Rules.SanctionCaps!.CapFor(sanctions[0].Kind)!.Max);
            }
        }

        var bands = Nhrc.Rules.GradeBands!;
        var order = new[] { "unsatisfactory", "satisfactory", "proper", "effective" };
        var previous = 0;
        for (var score = 0m; score <= 5m; score += 0.01m)
        {
            var rank = Array.IndexOf(order, bands.BandOf(score)!.Grade);
            Assert.True(rank >= previous, $"grade drops at {score}");
            previous = rank;
        }
    }

    [Fact]
    public void AnnualScore_SkipsQuartersNotEvaluated()
    {
        var result = AnnualScoreDecision.Decide(Nhrc, 2026, new Dictionary<int, decimal?> { [1] = null, [2] = 3.4m, [3] = 2.8m, [4] = 3.2m });
        Assert.Equal(3.13m, result.Answer!.Score);
        Assert.Equal("proper", result.Answer.Grade);
        Assert.Equal(3, result.Answer.QuartersCounted);
        Assert.Equal("4", result.Provenance!.Clause);
    }

    [Fact]
    public void AnnualScore_WithNoQuarter_IsRefused() =>
        Assert.Equal("no-quarters", AnnualScoreDecision.Decide(Nhrc, 2026, new Dictionary<int, decimal?> { [1] = null }).Refusal!.Code);

    private static SurveyResponse R(string from, decimal communication, decimal ethics) =>
        new(from, new Dictionary<string, decimal> { ["communication"] = communication, ["ethics"] = ethics });

    [Fact]
    public void Survey360_ExcludesSelf_AndListsTiedWeakestInPackOrder()
    {
        var result = Survey360Decision.Decide(Oskemen, "servant", [R("self", 1, 1), R("supervisor", 4, 3), R("peer", 3, 4), R("subordinate", 2, 2)]);
        var answer = result.Answer!;
        Assert.Equal(3, answer.Respondents);
        Assert.Equal("complete", answer.Status);
        Assert.Equal([new("communication", 3m), new KeyValuePair<string, decimal>("ethics", 3m)], answer.Competencies);
        Assert.Equal(3m, answer.Overall);
        Assert.Equal(["communication", "ethics"], answer.Weakest);
        Assert.Equal("35", result.Provenance!.Clause);
    }

    [Fact]
    public void Survey360_BelowThreeRespondents_ShowsNoResult()
    {
        var answer = Survey360Decision.Decide(Oskemen, "servant", [R("self", 1, 1), R("supervisor", 4, 3), R("peer", 3, 4)]).Answer!;
        Assert.Equal("insufficient-respondents", answer.Status);
        Assert.Empty(answer.Competencies);
        Assert.Null(answer.Overall);
    }

    [Fact]
    public void Survey360_EightRespondents_AreTooMany() =>
        Assert.Equal("too-many-respondents", Survey360Decision.Decide(Oskemen, "servant", Enumerable.Range(0, 8).Select(_ => R("peer", 3, 3)).ToList()).Refusal!.Code);

    [Fact]
    public void Survey360_TeamManagementForAServant_IsUnknown() =>
        Assert.Equal("unknown-competency", Survey360Decision.Decide(Oskemen, "servant", [new("peer", new Dictionary<string, decimal> { ["team-management"] = 3 })]).Refusal!.Code);

    [Fact]
    public void Survey360_RatingZero_IsOutOfTheScale() =>
        Assert.Equal("rating-out-of-range", Survey360Decision.Decide(Oskemen, "head", [R("peer", 0, 3)]).Refusal!.Code);
}
