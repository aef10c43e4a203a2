using Bagalau.Application.Accounts;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Calendar;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Workflow;

/// <summary>What every workflow service needs: who acts (roles in the body) and which pack version and calendar apply.</summary>
public sealed class WorkflowContext(BagalauDbContext db, PackCatalog packs, WorkflowActors actors)
{
    public KzCalendar Calendar => packs.Catalogue.Calendar;

    /// <summary>The user's roles and servant record in the body, as the domain's <see cref="Actor"/> (no roles when not a member).</summary>
    public async Task<Actor> ActorAsync(string userId, Guid stateBodyId, CancellationToken ct = default) =>
        await actors.InBodyAsync(userId, stateBodyId, ct) ?? new Actor(userId, null);

    /// <summary>
    /// The record <paramref name="id"/> of whichever body holds it, with who acts in that body;
    /// not-found when it is missing or <paramref name="may"/> refuses, so a record one may not
    /// see is not revealed to exist.
    /// </summary>
    public async Task<Outcome<Opened<T>>> OpenAsync<T>(
        IQueryable<T> records, Guid id, string userId, Func<Actor, T, bool> may, LocalizedText what, CancellationToken ct)
        where T : OrganisationEntity
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return WorkflowRefusals.NotFound(what);
        }

        var actor = await ActorAsync(userId, record.StateBodyId, ct);
        return may(actor, record) ? new Opened<T>(actor, record) : WorkflowRefusals.NotFound(what);
    }

    /// <summary>The version of a pack in force on a day, or a refusal naming the pack and day.</summary>
    public Outcome<PackVersion> VersionOf(string packId, DateOnly on)
    {
        var pack = packs.Catalogue.Find(packId);
        if (pack is null)
        {
            return WorkflowRefusals.UnknownPack(packId);
        }

        return pack.VersionOn(on) is { } version
            ? version
            : Refusals.NoVersionInForce(pack, on);
    }

    /// <summary>The structural unit of a servant's position on a day (for completion by unit).</summary>
    public async Task<Guid?> UnitOfAsync(Guid servantId, DateOnly on, CancellationToken ct = default) =>
        await db.Appointments.AsNoTracking()
            .Where(a => a.ServantId == servantId && a.From <= on && (a.To == null || a.To >= on))
            .Join(db.Positions, a => a.PositionId, p => p.Id, (a, p) => (Guid?)p.UnitId)
            .FirstOrDefaultAsync(ct);
}
