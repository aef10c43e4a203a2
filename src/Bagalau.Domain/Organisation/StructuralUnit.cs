namespace Bagalau.Domain.Organisation;

/// <summary>A structural unit of a state body (department, division...); units form a tree.</summary>
public sealed class StructuralUnit : OrganisationEntity
{
    private StructuralUnit()
    {
        Code = NameKk = NameRu = NameEn = string.Empty;
    }

    private StructuralUnit(Guid stateBodyId)
        : base(stateBodyId)
    {
        Code = NameKk = NameRu = NameEn = string.Empty;
    }

    /// <summary>Natural key, unique in the body (used by import/export).</summary>
    public string Code { get; private set; }

    public string NameKk { get; private set; }

    public string NameRu { get; private set; }

    public string NameEn { get; private set; }

    /// <summary>The enclosing unit; null for a top-level unit.</summary>
    public Guid? ParentId { get; private set; }

    /// <param name="parents">Parent of every existing unit of the body (id -> parent id), for the cycle rule.</param>
    public static Result<StructuralUnit> Create(
        Guid stateBodyId, string code, string nameKk, string? nameRu, string? nameEn, Guid? parentId,
        IReadOnlyDictionary<Guid, Guid?> parents)
    {
        var unit = new StructuralUnit(stateBodyId) { Code = code?.Trim() ?? string.Empty };
        var result = unit.Change(nameKk, nameRu, nameEn, parentId, parents);
        return result.IsSuccess ? Result.Success(unit) : Result<StructuralUnit>.Failure(result.Errors);
    }

    /// <summary>Renames and/or moves the unit; refuses a move under itself or its own descendants.</summary>
    public Result Change(string nameKk, string? nameRu, string? nameEn, Guid? parentId, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        var errors = new[]
        {
            TextRules.Code(Code, "code"),
            TextRules.Name(nameKk, "name_kk"),
            TextRules.OptionalName(nameRu, "name_ru"),
            TextRules.OptionalName(nameEn, "name_en"),
            UnitTreeRule.Check(Id, Code, parentId, parents),
        }.OfType<ValidationError>().ToArray();
        if (errors.Length > 0)
        {
            return Result.Failure(errors);
        }

        NameKk = nameKk.Trim();
        NameRu = TextRules.Clean(nameRu) ?? string.Empty;
        NameEn = TextRules.Clean(nameEn) ?? string.Empty;
        ParentId = parentId;
        return Result.Success();
    }

    public string NameIn(string language) => language switch
    {
        "ru" when NameRu.Length > 0 => NameRu,
        "en" when NameEn.Length > 0 => NameEn,
        _ => NameKk,
    };
}

/// <summary>Units form a tree: a unit may not be its own ancestor (<c>unit-cycle</c>).</summary>
public static class UnitTreeRule
{
    public static ValidationError? Check(Guid unitId, string unitCode, Guid? newParentId, IReadOnlyDictionary<Guid, Guid?> parents)
    {
        var seen = new HashSet<Guid>();
        for (var current = newParentId; current is { } id; current = parents.GetValueOrDefault(id))
        {
            if (id == unitId || !seen.Add(id))
            {
                return new ValidationError("unit-cycle", "parent_code", unitCode);
            }
        }

        return null;
    }
}
