using System.ComponentModel.DataAnnotations;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Pages.Bodies.Units;

namespace Bagalau.Web.Pages.Bodies.Positions;

/// <summary>A position as typed in the form (the domain validates it).</summary>
public sealed class PositionForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["code"] = nameof(Code),
        ["title_kk"] = nameof(TitleKk),
        ["title_ru"] = nameof(TitleRu),
        ["title_en"] = nameof(TitleEn),
        ["unit_code"] = nameof(UnitId),
        ["category"] = nameof(Category),
        ["qualifier"] = nameof(Qualifier),
    };

    /// <summary>Qualifier ids of the glossary; empty = none.</summary>
    public static readonly IReadOnlyList<string> Qualifiers = KindIds.All<PositionQualifier>();

    [Display(Name = "field.code")]
    public string? Code { get; set; }

    [Display(Name = "field.title-kk")]
    public string? TitleKk { get; set; }

    [Display(Name = "field.title-ru")]
    public string? TitleRu { get; set; }

    [Display(Name = "field.title-en")]
    public string? TitleEn { get; set; }

    [Display(Name = "field.unit")]
    public Guid? UnitId { get; set; }

    [Display(Name = "field.category")]
    public string? Category { get; set; }

    [Display(Name = "field.qualifier")]
    public string? Qualifier { get; set; }

    public int Version { get; set; }

    public PositionInput ToInput() =>
        new(Code ?? string.Empty, TitleKk ?? string.Empty, TitleRu, TitleEn, UnitId ?? Guid.Empty, Category ?? string.Empty, Qualifier ?? string.Empty);

    public static PositionForm From(Position position) => new()
    {
        Code = position.Code,
        TitleKk = position.TitleKk,
        TitleRu = position.TitleRu,
        TitleEn = position.TitleEn,
        UnitId = position.UnitId,
        Category = position.Category,
        Qualifier = KindIds.Id(position.Qualifier),
        Version = position.Version,
    };
}

/// <summary>What the shared position form needs from the New and Edit pages.</summary>
public interface IPositionFormPage
{
    PositionForm Input { get; }

    UnitTree Tree { get; }

    Guid? PositionId { get; }

    string Language { get; }
}
