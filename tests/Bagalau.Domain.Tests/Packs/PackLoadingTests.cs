using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Packs;

public class PackLoadingTests
{
    [Fact]
    public void BuiltInCatalogue_LoadsTheFivePacks() =>
        Assert.Equal(["almaty-akimat", "mdai", "nhrc", "oskemen-maslikhat", "sjc-apparatus"], Catalogue.Packs.Select(p => p.Id));

    [Theory]
    [InlineData("almaty-akimat", "2018-04-20", null)]
    [InlineData("almaty-akimat", "2018-04-21", "2018")]
    [InlineData("almaty-akimat", "2023-06-04", "2018")]
    [InlineData("almaty-akimat", "2023-06-05", null)]
    [InlineData("mdai", "2019-12-14", "2019")]
    [InlineData("sjc-apparatus", "2018-08-06", null)]
    [InlineData("sjc-apparatus", "2018-08-07", "2018-07")]
    [InlineData("oskemen-maslikhat", "2023-08-09", null)]
    [InlineData("oskemen-maslikhat", "2023-08-10", "2023-07")]
    [InlineData("oskemen-maslikhat", "2023-08-31", "2023-07")]
    [InlineData("oskemen-maslikhat", "2023-09-01", "2023-09")]
    [InlineData("oskemen-maslikhat", "2025-11-06", "2023-09")]
    [InlineData("oskemen-maslikhat", "2025-11-07", null)]
    [InlineData("nhrc", "2026-03-12", null)]
    [InlineData("nhrc", "2026-03-13", "2026-03")]
    public void VersionOn_SelectsTheVersionInForce(string pack, string date, string? version) =>
        Assert.Equal(version, Catalogue.Find(pack)!.VersionOn(D(date))?.Id);

    [Fact]
    public void EveryRuleOfEveryBuiltInPack_CitesAClauseOfItsClausesFile()
    {
        foreach (var pack in Catalogue.Packs)
        {
            Assert.NotNull(pack.Clauses);
            foreach (var version in pack.Versions)
            {
                foreach (var deadline in version.Rules.Deadlines.Values)
                {
                    Assert.NotNull(pack.Clauses![deadline.Clause]);
                }
            }
        }
    }

    [Fact]
    public void OskemenSunset_DropsTheAbsentRuleFromSeptember2023()
    {
        var july = Version("oskemen-maslikhat", "2023-08-20").Rules.Eligibility!.Rules;
        var september = Version("oskemen-maslikhat", "2023-09-20").Rules.Eligibility!.Rules;
        Assert.Contains(july, r => r is AbsenceWithoutParticipationRule);
        Assert.DoesNotContain(september, r => r is AbsenceWithoutParticipationRule);
    }

    [Fact]
    public void NhrcParameters_CarryTheActsGuidanceInKazakh()
    {
        var leader = Version("nhrc", "2026-06-30").Rules.Form("leader")!;
        Assert.Equal(["unit-quality", "unit-timeliness", "leadership", "discipline", "no-sanctions"], leader.Parameters.Select(p => p.Id));
        Assert.StartsWith("Бағаланатын тоқсанда қолданылған тәртіптік жаза ескеріледі.", leader.Parameters[4].GuidanceKk);
        Assert.All(leader.Parameters, p => Assert.Equal("appendix-1", p.Clause));
    }
}
