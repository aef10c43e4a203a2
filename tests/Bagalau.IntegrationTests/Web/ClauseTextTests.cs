using Bagalau.Web.Bodies;

namespace Bagalau.IntegrationTests.Web;

/// <summary>Clause ids as people cite them: no "appendix-2" or "order-4" reaches a page.</summary>
public class ClauseTextTests
{
    [Theory]
    [InlineData("16", "kk", "16-тармақ")]
    [InlineData("16", "ru", "п. 16")]
    [InlineData("appendix-2", "kk", "2-қосымша")]
    [InlineData("appendix-2", "ru", "приложение 2")]
    [InlineData("appendix-2", "en", "appendix 2")]
    [InlineData("order-4", "kk", "бұйрықтың 4-тармағы")]
    [InlineData("law-416-V-33-6", "ru", "Закон о госслужбе, ст. 33 п. 6")]
    public void Cite_AClauseId_ReadsAsTheActCitesIt(string clause, string language, string expected) =>
        Assert.Equal(expected, ClauseText.Cite(clause, language));
}
