namespace Bagalau.Domain.Organisation;

/// <summary>
/// Individual identification number (ЖСН / ИИН): 12 digits, YYMMDD birth date, a century and
/// sex digit, a registration number and a check digit (Law "On national registers of
/// identification numbers"; algorithm of the national register).
/// </summary>
public readonly record struct Iin
{
    private Iin(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static Result<Iin> Parse(string? text, string field = "iin")
    {
        var errors = IinRule.Check(text, field);
        return errors is null ? Result<Iin>.Success(new Iin(text!.Trim())) : Result<Iin>.Failure(errors);
    }

    /// <summary>Birth date encoded in the number (digits 1-6 with the century of digit 7).</summary>
    public DateOnly BirthDate => IinRule.BirthDate(Value)!.Value;

    /// <summary>Digit 7 is odd for men and even for women.</summary>
    public bool IsMale => (Value[6] - '0') % 2 == 1;
}

/// <summary>The IIN validation rule: format, date part, century/sex digit and the mod-11 check digit.</summary>
public static class IinRule
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>Null when valid, else the first broken part: iin-format, iin-century, iin-date or iin-checksum.</summary>
    public static ValidationError? Check(string? text, string field = "iin")
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return new ValidationError("iin-format", field, value);
        }

        var centuryDigit = value[6] - '0';
        if (centuryDigit is < 1 or > 6)
        {
            return new ValidationError("iin-century", field, value);
        }

        if (BirthDate(value) is null)
        {
            return new ValidationError("iin-date", field, value);
        }

        var check = CheckDigit(value);
        return check is null || check != value[11] - '0' ? new ValidationError("iin-checksum", field, value) : null;
    }

    public static bool IsValid(string? text) => Check(text) is null;

    /// <summary>
    /// The check digit for the first 11 digits: weighted sum with weights 1..11 mod 11; when that
    /// gives 10, again with weights 3..11,1,2; when that gives 10 too, no valid IIN exists (null).
    /// </summary>
    public static int? CheckDigit(string elevenOrTwelveDigits)
    {
        var first = WeightedMod11(elevenOrTwelveDigits, FirstWeights);
        if (first != 10)
        {
            return first;
        }

        var second = WeightedMod11(elevenOrTwelveDigits, SecondWeights);
        return second == 10 ? null : second;
    }

    /// <summary>The date in digits 1-6, its century taken from digit 7 (1-2: 1800s, 3-4: 1900s, 5-6: 2000s).</summary>
    public static DateOnly? BirthDate(string value)
    {
        var century = (value[6] - '0') switch
        {
            1 or 2 => 1800,
            3 or 4 => 1900,
            5 or 6 => 2000,
            _ => -1,
        };
        if (century < 0)
        {
            return null;
        }

        var year = century + ((value[0] - '0') * 10) + (value[1] - '0');
        var month = ((value[2] - '0') * 10) + (value[3] - '0');
        var day = ((value[4] - '0') * 10) + (value[5] - '0');
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static int WeightedMod11(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        return sum % 11;
    }
}
