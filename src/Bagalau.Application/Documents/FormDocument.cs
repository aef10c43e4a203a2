using System.Globalization;
using Bagalau.Domain.Packs;

namespace Bagalau.Application.Documents;

/// <summary>Languages the printed forms exist in: the act's Kazakh and our (unofficial) Russian.</summary>
public enum DocumentLanguage
{
    Kk,
    Ru,
}

public enum DocumentFileFormat
{
    Docx,
    Pdf,
}

/// <summary>
/// A filled form: a plain immutable record the workflows build from their data (never an EF
/// entity), rendered by <see cref="DocumentService"/>. Texts that vary by pack (approver, body,
/// form titles, grades) are <see cref="LocalizedText"/> so the pack's own titles print.
/// </summary>
public abstract record FormDocument
{
    /// <summary>Stable form id used in file names and on the command line.</summary>
    public abstract string FormId { get; }

    /// <summary>The form's layout in one language: the only place the form is defined.</summary>
    internal abstract Layout.DocumentLayout ToLayout(FormText text);
}

/// <summary>A signature line: the signer's name (initials form) and the date, either may be blank.</summary>
public sealed record SignedBy(string? Name, DateOnly? Date)
{
    public static SignedBy Blank { get; } = new(null, null);
}

/// <summary>A signer identified also by position (refusal act witnesses, calibration members).</summary>
public sealed record SignedWithPosition(string Name, string Position, DateOnly? Date);

/// <summary>The "БЕКІТЕМІН" block: who approves (per the pack) and, once approved, name and date.</summary>
public sealed record Approval(LocalizedText Position, string? Name, DateOnly? Date);

/// <summary>Language-dependent texts and formats for the form builders.</summary>
internal sealed class FormText(DocumentLanguage language)
{
    private static readonly CultureInfo Kk = CultureInfo.GetCultureInfo("kk-KZ");
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public DocumentLanguage Language { get; } = language;

    public string Code => Language == DocumentLanguage.Kk ? "kk" : "ru";

    public string T(string kk, string ru) => Language == DocumentLanguage.Kk ? kk : ru;

    public string Of(LocalizedText text) => text.In(Code);

    public string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Scores as the act prints them: two decimals, decimal comma (2,99).</summary>
    public string Score(decimal value) => value.ToString("0.00", Language == DocumentLanguage.Kk ? Kk : Ru);

    public string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    public string Year(int year) => T(
        string.Create(CultureInfo.InvariantCulture, $"{year} жыл"),
        string.Create(CultureInfo.InvariantCulture, $"{year} год"));

    public string Quarter(int year, int quarter)
    {
        var roman = quarter switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => quarter.ToString(CultureInfo.InvariantCulture) };
        return T(
            string.Create(CultureInfo.InvariantCulture, $"{year} жылғы {roman} тоқсан"),
            string.Create(CultureInfo.InvariantCulture, $"{roman} квартал {year} года"));
    }

    /// <summary>
    /// "Негіз: Әдістеменің 18-тармағы" for a pack clause id; ids like "appendix-1" print as the
    /// appendix, several ids may be given separated by commas.
    /// </summary>
    public string Basis(string clauses)
    {
        var parts = clauses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.StartsWith("appendix-", StringComparison.Ordinal)
                ? T(c["appendix-".Length..] + "-қосымша", "приложение " + c["appendix-".Length..])
                : T(c + "-тармақ", "пункт " + c));
        return T("Негіз: Әдістеме, ", "Основание: Методика, ") + string.Join(", ", parts);
    }

    /// <summary>Russian forms are our translation: every Russian page says so.</summary>
    public string? Footer => Language == DocumentLanguage.Ru
        ? "Неофициальный перевод формы на русский язык (Bagalau). Официальный текст формы — на казахском языке в акте методики."
        : null;

    public string PageLabel => T("бет", "стр.");

    public string Form => T("Нысан", "Форма");

    public string Approve => T("\"БЕКІТЕМІН\"", "«УТВЕРЖДАЮ»");

    public string InitialsHint => T("тегі, аты-жөнінің бірінші әріптері", "фамилия, инициалы");

    public string FullNameHint => T("тегі, аты-жөні, қолы", "фамилия, имя, подпись");

    public string DateLabel => T("күні", "дата");

    public string SignatureLabel => T("қолы", "подпись");
}

/// <summary>Blocks several forms share: the appendix corner note, the approval block, signature lines.</summary>
internal static class Blocks
{
    public static Layout.CornerNote Corner(FormText t, LocalizedText? appendix) =>
        new(appendix is null ? [t.Form] : [.. t.Of(appendix).Split('\n'), t.Form]);

    public static Layout.ApprovalBlock Approval(FormText t, Approval approval) =>
        new(t.Approve, t.Of(approval.Position), approval.Name, t.InitialsHint, t.DateLabel, t.Date(approval.Date), t.SignatureLabel);

    public static Layout.Signatory Sign(FormText t, string role, SignedBy signed, bool fullName = false) =>
        new(role, signed.Name, fullName ? t.FullNameHint : t.InitialsHint, t.DateLabel, t.Date(signed.Date), t.SignatureLabel);

    public static Layout.Signatory Sign(FormText t, string role, SignedWithPosition signed) =>
        new(role, signed.Name + ", " + signed.Position, t.FullNameHint, t.DateLabel, t.Date(signed.Date), t.SignatureLabel);

    public static Layout.TableColumn Col(string title, float weight, Layout.TextAlign align = Layout.TextAlign.Left) => new(title, weight, align);

    public static Layout.LayoutRow Row(params string[] cells) => new(cells);
}
