using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class NameFoldingTests
{
    [Theory]
    [InlineData("Сеитов", "Сейітов Ерлан")]
    [InlineData("сейитов", "Сейітов Ерлан")]
    [InlineData("Каскырбаев", "Қасқырбаев Нұрлан")]
    [InlineData("нурлан", "Қасқырбаев Нұрлан")]
    [InlineData("Аубакиров", "Әубәкіров Өмір")]
    [InlineData("омир", "Әубәкіров Өмір")]
    [InlineData("Дмитри", "Дмитрий Ильин")]
    [InlineData("Семен", "Сёмен Кузьмин")]
    [InlineData("Кузмин", "Сёмен Кузьмин")]
    [InlineData("Жаныл", "Жаңыл Һадиева")]
    [InlineData("хадиева", "Жаңыл Һадиева")]
    [InlineData("ғалым", "Ғалым Үсенов")]
    public void Fold_TypedTextFindsTheKazakhSpelling(string typed, string fullName) =>
        Assert.Contains(NameFolding.Fold(typed), NameFolding.Fold(fullName), StringComparison.Ordinal);

    [Fact]
    public void Fold_UpperCasesFoldsLettersAndCollapsesRuns()
    {
        Assert.Equal("СЕИТОВ ЕРЛАН", NameFolding.Fold("  Сейітов   Ерлан "));
        Assert.Equal("АБЕНОВ", NameFolding.Fold("Әбенов"));
        Assert.Equal("ОБЕКТ", NameFolding.Fold("объект"));
        Assert.Equal(string.Empty, NameFolding.Fold("  "));
    }

    [Fact]
    public void Fold_DoesNotMatchAnotherName() =>
        Assert.DoesNotContain(NameFolding.Fold("Сеитов"), NameFolding.Fold("Сатов Ерлан"), StringComparison.Ordinal);
}
