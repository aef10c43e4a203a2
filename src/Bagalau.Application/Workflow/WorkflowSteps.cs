using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Workflow;

/// <summary>
/// The frame of every use case of both families around the domain's transition: who acts, which
/// pack version applies, the check of the version the user saw, and the save. A refusal, a stale
/// copy or a duplicate writes nothing (ADR 0017).
/// </summary>
public sealed class WorkflowSteps(BagalauDbContext db, WorkflowContext context, PackCatalog packs)
{
    public WorkflowContext Context => context;

    public PackVersion VersionOf(string packId, string versionId) =>
        packs.Catalogue.Find(packId)!.Versions.First(v => v.Id == versionId);

    public Task<Actor> ActorAsync(string userId, Guid bodyId, CancellationToken ct) => context.ActorAsync(userId, bodyId, ct);

    /// <summary>The record of whichever body holds it, with who acts there (<see cref="WorkflowContext.OpenAsync{T}"/>).</summary>
    public Task<Outcome<Opened<T>>> OpenAsync<T>(IQueryable<T> records, Guid id, string userId, Func<Actor, T, bool> may, LocalizedText what, CancellationToken ct)
        where T : OrganisationEntity => context.OpenAsync(records, id, userId, may, what, ct);

    /// <summary>
    /// Runs the steps of one use case ("save, then submit or sign") as one: every step is saved or
    /// none is, so a refused later step leaves the record exactly as it was before the first.
    /// </summary>
    public async Task<Outcome> AllOrNoneAsync(IEnumerable<Func<Task<Outcome>>> steps, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var step in steps)
        {
            var outcome = await step();
            if (outcome.IsRefused)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return outcome;
            }
        }

        await transaction.CommitAsync(ct);
        return Outcome.Done;
    }

    /// <summary>Checks the version the user saw, runs the transition and saves it with whatever it staged.</summary>
    public async Task<Outcome> RunAsync(OrganisationEntity record, int version, Func<Task<Outcome>> transition, CancellationToken ct)
    {
        if (!VersionTokens.Expect(db, record, version))
        {
            return WorkflowRefusals.Stale();
        }

        var outcome = await transition();
        return outcome.IsRefused ? outcome : await SaveAsync(ct);
    }

    /// <summary>The same for a use case that answers with the record it changed.</summary>
    public async Task<Outcome<T>> RunAsync<T>(T record, int version, Func<Task<Refusal?>> transition, CancellationToken ct)
        where T : OrganisationEntity
    {
        if (!VersionTokens.Expect(db, record, version))
        {
            return WorkflowRefusals.Stale();
        }

        if (await transition() is { } refusal)
        {
            return refusal;
        }

        return await SaveAsync(ct) is { Refusal: { } stale } ? stale : Outcome<T>.Ok(record);
    }

    /// <summary>The same for a transition with no work of its own besides the record's.</summary>
    public Task<Outcome<T>> RunAsync<T>(T record, int version, Func<Refusal?> transition, CancellationToken ct)
        where T : OrganisationEntity =>
        RunAsync(record, version, () => Task.FromResult(transition()), ct);

    /// <summary>Saves; a concurrent change of the same record (or a duplicate of a unique record) is a conflict, nothing is lost.</summary>
    public async Task<Outcome> SaveAsync(CancellationToken ct) =>
        await SaveAsync(db, ct) is { } stale ? stale : Outcome.Done;

    /// <summary>The same for a context the caller owns (a batch writer outside a request).</summary>
    internal static async Task<Refusal?> SaveAsync(BagalauDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            // A stale version, or a unique index (one note per quarter, one sheet per servant...)
            // that refused a record another user saved first.
            db.ChangeTracker.Clear();
            return WorkflowRefusals.Stale();
        }
    }

    /// <summary>Saves and answers with <paramref name="record"/>, or the conflict.</summary>
    public async Task<Outcome<T>> SaveAsync<T>(T record, CancellationToken ct) =>
        await SaveAsync(ct) is { Refusal: { } stale } ? stale : Outcome<T>.Ok(record);
}

/// <summary>What a use case loaded before the transition: who acts, the record (tracked when it will change) and the pack version it runs under.</summary>
public sealed record Loaded<T>(Actor Actor, T Record, PackVersion Version);

/// <summary>A record a use case opened, with who acts in its body.</summary>
public sealed record Opened<T>(Actor Actor, T Record);
