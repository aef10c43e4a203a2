using System.Globalization;

namespace Bagalau.Domain.Organisation;

/// <summary>A period is given as from..to, both days inclusive; an open end (null) runs on.</summary>
public static class PeriodRule
{
    /// <summary>Null when <paramref name="to"/> is open or not before <paramref name="from"/>, else <paramref name="code"/>.</summary>
    public static ValidationError? Check(DateOnly from, DateOnly? to, string code, string field = "to") =>
        to is { } end && end < from ? new ValidationError(code, field, Iso(from), Iso(end)) : null;

    /// <summary>Whether two inclusive periods share at least one day.</summary>
    public static bool Overlaps(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        fromA <= (toB ?? DateOnly.MaxValue) && fromB <= (toA ?? DateOnly.MaxValue);

    public static bool Contains(DateOnly from, DateOnly? to, DateOnly day) => from <= day && day <= (to ?? DateOnly.MaxValue);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? day) => day is { } d ? Iso(d) : string.Empty;
}

/// <summary>A servant holds one position at a time: appointments of one servant may not share a day (<c>appointment-overlap</c>).</summary>
public static class AppointmentOverlapRule
{
    public static ValidationError? Check(IEnumerable<Appointment> existing, Guid candidateId, DateOnly from, DateOnly? to)
    {
        var clash = existing.FirstOrDefault(a => a.Id != candidateId && PeriodRule.Overlaps(a.From, a.To, from, to));
        return clash is null
            ? null
            : new ValidationError("appointment-overlap", "from", PeriodRule.Iso(from), PeriodRule.Iso(to), PeriodRule.Iso(clash.From), PeriodRule.Iso(clash.To));
    }
}

/// <summary>Probation periods of one servant may not share a day (<c>probation-overlap</c>).</summary>
public static class ProbationOverlapRule
{
    public static ValidationError? Check(IEnumerable<Probation> existing, Guid candidateId, DateOnly from, DateOnly to)
    {
        var clash = existing.FirstOrDefault(p => p.Id != candidateId && PeriodRule.Overlaps(p.From, p.To, from, to));
        return clash is null
            ? null
            : new ValidationError("probation-overlap", "from", PeriodRule.Iso(from), PeriodRule.Iso(to), PeriodRule.Iso(clash.From), PeriodRule.Iso(clash.To));
    }
}

/// <summary>Contacts: an e-mail address of the usual shape and a phone number of digits (with + ( ) - and spaces).</summary>
public static class ContactRules
{
    public static ValidationError? Email(string? email)
    {
        var text = TextRules.Clean(email);
        if (text is null)
        {
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var valid = text.Length <= 254 && at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1
            && !text.EndsWith('.') && !text.Any(char.IsWhiteSpace);
        return valid ? null : new ValidationError("email-invalid", "email", text);
    }

    public static ValidationError? Phone(string? phone)
    {
        var text = TextRules.Clean(phone);
        if (text is null)
        {
            return null;
        }

        var digits = text.Count(char.IsAsciiDigit);
        var valid = digits is >= 7 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '(' or ')' or '-' or ' ')
            && text.LastIndexOf('+') <= 0;
        return valid ? null : new ValidationError("phone-invalid", "phone", text);
    }
}
