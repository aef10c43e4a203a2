using Bagalau.Application.Persistence;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>
/// Who servants are, for the pages and endpoints that show people next to a record (names by id),
/// offer a body's servants to choose from, or write to them. One place for these reads so every
/// page asks the same untracked query; the callers pass ids of records they have already opened
/// with the user's access checked.
/// </summary>
public sealed class ServantDirectory(BagalauDbContext db)
{
    /// <summary>Full names by servant id; ids of no servant are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Servants.AsNoTracking().Where(s => wanted.Contains(s.Id))
            .Select(s => new { s.Id, s.FullName })
            .ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
    }

    /// <summary>The full name of a servant known to exist (a missing one throws, as a broken link would).</summary>
    public Task<string> NameAsync(Guid id, CancellationToken ct) =>
        db.Servants.AsNoTracking().Where(s => s.Id == id).Select(s => s.FullName).FirstAsync(ct);

    /// <summary>Full name and IIN by servant id, whatever their body (the members of a body link only its servants).</summary>
    public Task<IReadOnlyDictionary<Guid, (string FullName, string Iin)>> PeopleAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        PeopleAsync(db.Servants, ids, ct);

    /// <summary>Full name and IIN by servant id, only servants of the body.</summary>
    public Task<IReadOnlyDictionary<Guid, (string FullName, string Iin)>> PeopleInBodyAsync(Guid bodyId, IEnumerable<Guid> ids, CancellationToken ct) =>
        PeopleAsync(db.Servants.Where(s => s.StateBodyId == bodyId), ids, ct);

    /// <summary>Full name and e-mail by servant id: whom a personal link is sent to.</summary>
    public async Task<IReadOnlyDictionary<Guid, (string FullName, string Email)>> ContactsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await db.Servants.AsNoTracking().Where(s => wanted.Contains(s.Id))
                .Select(s => new { s.Id, s.FullName, s.Email }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => (s.FullName, s.Email));
    }

    /// <summary>The body's servants by name, to choose one in a form (all of them: the forms list the whole body).</summary>
    public Task<IReadOnlyList<(Guid Id, string Name)>> ChoicesAsync(Guid bodyId, CancellationToken ct) =>
        ChoicesAsync(bodyId, [], ct);

    /// <summary>The body's servants by name but <paramref name="except"/> (the person evaluated, the user).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ChoicesAsync(Guid bodyId, IReadOnlyCollection<Guid> except, CancellationToken ct)
    {
        var servants = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId);
        if (except.Count > 0)
        {
            servants = servants.Where(s => !except.Contains(s.Id));
        }

        return (await servants.OrderBy(s => s.FullName).Select(s => new { s.Id, s.FullName }).ToListAsync(ct))
            .Select(s => (s.Id, s.FullName)).ToList();
    }

    /// <summary>At most this many servants answer one keystroke of the picker.</summary>
    public const int PickLimit = 20;

    /// <summary>
    /// The picker's answer: servants of the body whose name holds the typed text, Kazakh and
    /// Russian spellings alike (<see cref="NameSearch"/>), by name, at most <see cref="PickLimit"/>.
    /// Nothing typed: the first ones by name.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PickAsync(Guid bodyId, string? text, IReadOnlyCollection<Guid> except, CancellationToken ct)
    {
        var servants = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Matching(text);
        if (except.Count > 0)
        {
            servants = servants.Where(s => !except.Contains(s.Id));
        }

        return (await servants.OrderBy(s => s.SearchName).ThenBy(s => s.FullName).Select(s => new { s.Id, s.FullName }).Take(PickLimit).ToListAsync(ct))
            .Select(s => (s.Id, s.FullName)).ToList();
    }

    /// <summary>
    /// The servant a picker field names: the id the script chose, else (a browser without script)
    /// the one servant of the body whose full name is the typed text (folded: any case, Kazakh or
    /// Russian spelling). No name, no such servant or several: a refusal naming the field.
    /// An id is passed on as it is: the use case checks that it is the body's.
    /// </summary>
    public async Task<Outcome<ServantChoice>> ResolveAsync(Guid bodyId, Guid? id, string? typed, LocalizedText field, CancellationToken ct)
    {
        if (id is { } chosen && chosen != Guid.Empty)
        {
            return new ServantChoice(chosen);
        }

        if (NameSearch.Folded(typed) is not { } folded)
        {
            return WorkflowRefusals.Required(field);
        }

        var found = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && s.SearchName == folded).Select(s => s.Id).Take(2).ToListAsync(ct);
        return found.Count switch
        {
            0 => WorkflowRefusals.NoServantNamed(field, typed!.Trim()),
            1 => new ServantChoice(found[0]),
            _ => WorkflowRefusals.SeveralServantsNamed(field, typed!.Trim()),
        };
    }

    /// <summary>Whether the servant belongs to the body (another body's servant is "not found").</summary>
    public Task<bool> IsInBodyAsync(Guid bodyId, Guid servantId, CancellationToken ct) =>
        db.Servants.AnyAsync(s => s.StateBodyId == bodyId && s.Id == servantId, ct);

    private static async Task<IReadOnlyDictionary<Guid, (string FullName, string Iin)>> PeopleAsync(IQueryable<Domain.Organisation.Servant> servants, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return (await servants.AsNoTracking().Where(s => wanted.Contains(s.Id))
                .Select(s => new { s.Id, s.FullName, s.Iin }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => (s.FullName, s.Iin));
    }
}

/// <summary>The servant a picker field resolved to.</summary>
public sealed record ServantChoice(Guid Id);
