using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class IinRuleTests
{
    [Theory]
    [InlineData("900515300018")] // man born 1990-05-15, check digit from the first pass
    [InlineData("900515300921")] // first pass gives 10: the check digit comes from the second pass
    [InlineData("000101501238")] // born 2000-01-01, century/sex digit 5
    [InlineData("991231401236")] // woman born 1999-12-31
    [InlineData("040229600120")] // 29 February of a leap year
    [InlineData("800515400122")]
    public void Check_OfAValidIin_Passes(string iin)
    {
        Assert.Null(IinRule.Check(iin));
        Assert.True(Iin.Parse(iin).IsSuccess);
    }

    [Theory]
    [InlineData("900515300019", "iin-checksum")] // last digit changed
    [InlineData("900515300081", "iin-checksum")] // two digits swapped
    [InlineData("900515300910", "iin-checksum")] // both passes give 10: no check digit can make it valid
    [InlineData("90051530001", "iin-format")] // 11 digits
    [InlineData("9005153000180", "iin-format")] // 13 digits
    [InlineData("90051530001A", "iin-format")]
    [InlineData("", "iin-format")]
    [InlineData("900515700018", "iin-century")] // digit 7 must be 1..6
    [InlineData("900515000018", "iin-century")]
    [InlineData("901315300018", "iin-date")] // month 13
    [InlineData("030229500012", "iin-date")] // 2003 is not a leap year
    public void Check_OfABadIin_NamesWhatIsWrong(string iin, string code)
    {
        Assert.Equal(code, IinRule.Check(iin)?.Code);
    }

    [Fact]
    public void CheckDigit_WhenBothPassesGiveTen_IsNone()
    {
        Assert.Null(IinRule.CheckDigit("90051530091"));
    }

    [Fact]
    public void Parse_ReadsBirthDateAndSex()
    {
        var iin = Iin.Parse(" 991231401236 ").Value;

        Assert.Equal("991231401236", iin.Value);
        Assert.Equal(new DateOnly(1999, 12, 31), iin.BirthDate);
        Assert.False(iin.IsMale);
    }
}
