namespace Bagalau.Domain.Organisation;

/// <summary>A staff position in a unit, with its category (e.g. <c>D-O-3</c>) and qualifier.</summary>
public sealed class Position : OrganisationEntity
{
    private Position()
    {
        Code = TitleKk = TitleRu = TitleEn = Category = string.Empty;
    }

    private Position(Guid stateBodyId)
        : base(stateBodyId)
    {
        Code = TitleKk = TitleRu = TitleEn = Category = string.Empty;
    }

    /// <summary>Natural key, unique in the body.</summary>
    public string Code { get; private set; }

    public string TitleKk { get; private set; }

    public string TitleRu { get; private set; }

    public string TitleEn { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Category code from the register (<see cref="CategoryCodeRule"/>).</summary>
    public string Category { get; private set; }

    public PositionQualifier Qualifier { get; private set; }

    public static Result<Position> Create(
        Guid stateBodyId, string code, string titleKk, string? titleRu, string? titleEn, Guid unitId, string category, PositionQualifier qualifier)
    {
        var position = new Position(stateBodyId) { Code = code?.Trim() ?? string.Empty };
        var result = position.Change(titleKk, titleRu, titleEn, unitId, category, qualifier);
        return result.IsSuccess ? Result.Success(position) : Result<Position>.Failure(result.Errors);
    }

    public Result Change(string titleKk, string? titleRu, string? titleEn, Guid unitId, string category, PositionQualifier qualifier)
    {
        var errors = new[]
        {
            TextRules.Code(Code, "code"),
            TextRules.Name(titleKk, "title_kk"),
            TextRules.OptionalName(titleRu, "title_ru"),
            TextRules.OptionalName(titleEn, "title_en"),
            CategoryCodeRule.Check(category),
            unitId == Guid.Empty ? new ValidationError("required", "unit_code") : null,
        }.OfType<ValidationError>().ToArray();
        if (errors.Length > 0)
        {
            return Result.Failure(errors);
        }

        TitleKk = titleKk.Trim();
        TitleRu = TextRules.Clean(titleRu) ?? string.Empty;
        TitleEn = TextRules.Clean(titleEn) ?? string.Empty;
        UnitId = unitId;
        Category = category.Trim();
        Qualifier = qualifier;
        return Result.Success();
    }

    /// <summary>True for positions that head a unit of any level.</summary>
    public bool IsHead => Qualifier is PositionQualifier.UnitHead or PositionQualifier.DivisionHead;

    public string TitleIn(string language) => language switch
    {
        "ru" when TitleRu.Length > 0 => TitleRu,
        "en" when TitleEn.Length > 0 => TitleEn,
        _ => TitleKk,
    };
}
