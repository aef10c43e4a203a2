using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>What every 2018-cycle use case does around the domain's transition: the actor, the pack version, the version check and the save.</summary>
public sealed class CycleSteps(BagalauDbContext db, WorkflowContext context, PackCatalog packs)
{
    public WorkflowContext Context => context;

    public PackVersion VersionOf(string packId, string versionId) =>
        packs.Catalogue.Find(packId)!.Versions.First(v => v.Id == versionId);

    public Task<Actor> ActorAsync(string userId, Guid bodyId, CancellationToken ct) => context.ActorAsync(userId, bodyId, ct);

    /// <summary>Checks the version the user saw, runs the transition and saves it with whatever it staged; a stale copy is a conflict.</summary>
    public async Task<Outcome> RunAsync(OrganisationEntity record, int version, Func<Task<Outcome>> transition, CancellationToken ct)
    {
        if (!VersionTokens.Expect(db, record, version))
        {
            return WorkflowRefusals.Stale();
        }

        var outcome = await transition();
        return outcome.IsRefused ? outcome : await SaveAsync(ct);
    }

    /// <summary>Saves; a concurrent change of the same record (or a duplicate of a unique record) is a conflict, nothing is lost.</summary>
    public async Task<Outcome> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowRefusals.Stale();
        }
        catch (DbUpdateException)
        {
            // A unique index (one note per quarter, one sheet per servant...) refused a record another user saved first.
            return WorkflowRefusals.Stale();
        }
    }
}
