using Bagalau.Domain.Evaluation2023;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

/// <summary>oskemen 3, 2.4: the head of the apparatus (E-2) is evaluated by KTIs, every other servant on a sheet.</summary>
public class KtiMethodRuleTests
{
    [Theory]
    [InlineData("2023-08-20")]
    [InlineData("2024-07-05")]
    public void Oskemen_HeadOfApparatusE2_IsEvaluatedByKti_Clause3(string asOf)
    {
        var version = Version("oskemen-maslikhat", asOf);

        Assert.Equal("3", KtiMethodRule.KtiClause(version, "E-2"));
        Assert.True(KtiMethodRule.EvaluatedByKti(version, "E-2"));
    }

    [Theory]
    [InlineData("E-3")]
    [InlineData("E-4")]
    [InlineData("B-1")]
    public void Oskemen_OtherServants_GetTheRatingSheet(string category) =>
        Assert.Null(KtiMethodRule.KtiClause(Version("oskemen-maslikhat", "2024-07-05"), category));

    [Theory]
    [InlineData("B-1")]
    [InlineData("C-O-1")]
    [InlineData("E-2")]
    public void Nhrc_EveryoneGetsASheet(string category) =>
        Assert.False(KtiMethodRule.EvaluatedByKti(Version("nhrc", "2026-07-05"), category));
}
