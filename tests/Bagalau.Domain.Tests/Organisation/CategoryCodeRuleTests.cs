using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class CategoryCodeRuleTests
{
    [Theory]
    [InlineData("D-O-3")]
    [InlineData("D-O-1")]
    [InlineData("D-2")]
    [InlineData("C-4")]
    [InlineData("C-O-1")]
    [InlineData("B-1")]
    [InlineData("B-5")]
    [InlineData("E-2")]
    [InlineData("A-1")]
    public void Check_OfACategoryOfTheRegister_Passes(string code)
    {
        Assert.Null(CategoryCodeRule.Check(code));
        Assert.Contains(code, CategoryCodeRule.All);
    }

    [Theory]
    [InlineData("X-1")] // no such group
    [InlineData("C-9")] // grade beyond the register
    [InlineData("C-0")]
    [InlineData("B-O-1")] // no regional variant of group B
    [InlineData("d-o-3")] // codes are upper case
    [InlineData("D-O")]
    [InlineData("DO3")]
    [InlineData("D-R-2")]
    [InlineData("")]
    public void Check_OfAnythingElse_IsCategoryUnknown(string code)
    {
        var error = CategoryCodeRule.Check(code);

        Assert.Equal("category-unknown", error?.Code);
        Assert.Equal("category", error?.Field);
    }
}
