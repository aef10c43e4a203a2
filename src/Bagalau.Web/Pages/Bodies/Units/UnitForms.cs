using System.ComponentModel.DataAnnotations;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;

namespace Bagalau.Web.Pages.Bodies.Units;

/// <summary>A structural unit as typed in the form (the domain validates it).</summary>
public sealed class UnitForm
{
    /// <summary>Error fields of the unit rules, mapped to the form's inputs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["code"] = nameof(Code),
        ["name_kk"] = nameof(NameKk),
        ["name_ru"] = nameof(NameRu),
        ["name_en"] = nameof(NameEn),
        ["parent_code"] = nameof(ParentId),
    };

    [Display(Name = "field.code")]
    public string? Code { get; set; }

    [Display(Name = "field.name-kk")]
    public string? NameKk { get; set; }

    [Display(Name = "field.name-ru")]
    public string? NameRu { get; set; }

    [Display(Name = "field.name-en")]
    public string? NameEn { get; set; }

    [Display(Name = "field.parent-unit")]
    public Guid? ParentId { get; set; }

    public int Version { get; set; }

    public UnitInput ToInput() => new(Code ?? string.Empty, NameKk ?? string.Empty, NameRu, NameEn, ParentId);

    public static UnitForm From(StructuralUnit unit) => new()
    {
        Code = unit.Code,
        NameKk = unit.NameKk,
        NameRu = unit.NameRu,
        NameEn = unit.NameEn,
        ParentId = unit.ParentId,
        Version = unit.Version,
    };
}

/// <summary>The unit tree of a body, for display and for choosing a parent.</summary>
public sealed class UnitTree
{
    private readonly ILookup<Guid?, StructuralUnit> children;

    public UnitTree(IReadOnlyList<StructuralUnit> units)
    {
        Units = units;
        children = units.ToLookup(u => units.Any(p => p.Id == u.ParentId) ? u.ParentId : null);
    }

    public IReadOnlyList<StructuralUnit> Units { get; }

    public IEnumerable<StructuralUnit> ChildrenOf(Guid? parentId) => children[parentId];

    /// <summary>Every unit in tree order with its depth (for an indented select).</summary>
    public IEnumerable<(StructuralUnit Unit, int Depth)> Flatten()
    {
        var stack = new Stack<(StructuralUnit, int)>(ChildrenOf(null).Reverse().Select(u => (u, 0)));
        while (stack.Count > 0)
        {
            var (unit, depth) = stack.Pop();
            yield return (unit, depth);
            foreach (var child in ChildrenOf(unit.Id).Reverse())
            {
                stack.Push((child, depth + 1));
            }
        }
    }

    /// <summary>Units that may become the parent of <paramref name="unitId"/>: not itself, not below it.</summary>
    public IEnumerable<(StructuralUnit Unit, int Depth)> PossibleParentsOf(Guid? unitId)
    {
        var below = new HashSet<Guid>();
        if (unitId is { } id)
        {
            var queue = new Queue<Guid>([id]);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                below.Add(current);
                foreach (var child in ChildrenOf(current))
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return Flatten().Where(x => !below.Contains(x.Unit.Id));
    }
}

/// <summary>What the shared unit form needs from the New and Edit pages.</summary>
public interface IUnitFormPage
{
    UnitForm Input { get; }

    UnitTree Tree { get; }

    Guid? UnitId { get; }

    string Language { get; }
}
