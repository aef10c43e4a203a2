using System.Globalization;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class ErrorMessagesTests
{
    [Theory]
    [InlineData("kk-KZ", "ЖСН «123» 12 цифрдан тұруы керек.")]
    [InlineData("ru-RU", "ИИН «123» должен состоять из 12 цифр.")]
    [InlineData("en-US", "IIN '123' must be exactly 12 digits.")]
    public void Format_SpeaksTheUsersLanguage(string culture, string expected)
    {
        Assert.Equal(expected, ErrorMessages.Format(new ValidationError("iin-format", "iin", "123"), CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void EveryCode_HasTextInAllThreeLanguages_AndFormatsWithoutArguments()
    {
        foreach (var code in ErrorMessages.Codes)
        {
            foreach (var culture in new[] { "kk-KZ", "ru-RU", "en-US" })
            {
                var text = ErrorMessages.Format(new ValidationError(code), CultureInfo.GetCultureInfo(culture));
                Assert.False(string.IsNullOrWhiteSpace(text), code + " " + culture);
            }
        }
    }

    [Fact]
    public void KazakhAndRussianTexts_DifferFromEnglish()
    {
        foreach (var code in ErrorMessages.Codes)
        {
            var error = new ValidationError(code);
            var en = ErrorMessages.Format(error, CultureInfo.GetCultureInfo("en-US"));
            Assert.NotEqual(en, ErrorMessages.Format(error, CultureInfo.GetCultureInfo("kk-KZ")));
            Assert.NotEqual(en, ErrorMessages.Format(error, CultureInfo.GetCultureInfo("ru-RU")));
        }
    }
}
