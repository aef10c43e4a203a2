namespace Bagalau.Domain.Organisation;

/// <summary>A state body (tenant): every organisation record belongs to exactly one.</summary>
public sealed class StateBody
{
    private StateBody()
    {
        Code = NameKk = NameRu = NameEn = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Short unique code used on the command line and in files (e.g. <c>demo</c>).</summary>
    public string Code { get; private set; }

    public string NameKk { get; private set; }

    public string NameRu { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>Optimistic concurrency token (ADR 0011).</summary>
    public int Version { get; set; }

    public static Result<StateBody> Create(string code, string nameKk, string? nameRu, string? nameEn)
    {
        var errors = Validate(code, nameKk, nameRu, nameEn);
        if (errors.Count > 0)
        {
            return Result<StateBody>.Failure(errors);
        }

        var body = new StateBody { Id = Guid.NewGuid(), Code = code.Trim() };
        body.SetNames(nameKk, nameRu, nameEn);
        return Result.Success(body);
    }

    public Result Rename(string nameKk, string? nameRu, string? nameEn)
    {
        var errors = Validate(Code, nameKk, nameRu, nameEn);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        SetNames(nameKk, nameRu, nameEn);
        return Result.Success();
    }

    /// <summary>The name in a UI language (kk, ru, en), falling back to Kazakh.</summary>
    public string NameIn(string language) => language switch
    {
        "ru" when NameRu.Length > 0 => NameRu,
        "en" when NameEn.Length > 0 => NameEn,
        _ => NameKk,
    };

    private static List<ValidationError> Validate(string? code, string? nameKk, string? nameRu, string? nameEn) =>
        new[]
        {
            TextRules.Code(code, "code"),
            TextRules.Name(nameKk, "name_kk"),
            TextRules.OptionalName(nameRu, "name_ru"),
            TextRules.OptionalName(nameEn, "name_en"),
        }.OfType<ValidationError>().ToList();

    private void SetNames(string nameKk, string? nameRu, string? nameEn)
    {
        NameKk = nameKk.Trim();
        NameRu = TextRules.Clean(nameRu) ?? string.Empty;
        NameEn = TextRules.Clean(nameEn) ?? string.Empty;
    }
}
