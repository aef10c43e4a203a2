using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>The outcome of a 2023-family use case: a value, or a refusal (code + kk/ru/en message).</summary>
public sealed record WorkflowResult<T>(T? Value, Refusal? Refusal)
{
    public bool IsSuccess => Refusal is null;

    public static implicit operator WorkflowResult<T>(Refusal refusal) => new(default, refusal);

    public static WorkflowResult<T> Ok(T value) => new(value, null);
}

/// <summary>Refusals the Application layer adds to the domain's (record missing, stale copy).</summary>
public static class ServiceRefusals
{
    /// <summary>Also answered for records of another body and results the user may not open (no existence leak).</summary>
    public static readonly Refusal NotFound = Refusal.Of("not-found", $"Жазба табылмады", $"Запись не найдена", $"Not found");

    public static readonly Refusal Conflict = Refusal.Of(
        "concurrency-conflict",
        $"Жазбаны басқа біреу өзгертті: бетті жаңартып, қайталаңыз",
        $"Запись изменена другим пользователем: обновите страницу и повторите",
        $"Someone else changed this record: reload and try again");

    public static readonly Refusal UnknownPack = Refusal.Of("unknown-pack", $"Әдістеме табылмады", $"Методика не найдена", $"Unknown pack");
}

/// <summary>Builds the domain's <see cref="Actor"/> from the user's memberships in a body.</summary>
public sealed class WorkflowActors(BodyAccess access)
{
    public async Task<Actor?> InBodyAsync(string userId, Guid bodyId, CancellationToken ct)
    {
        var roles = await access.RolesInAsync(userId, bodyId, ct);
        if (roles.Count == 0)
        {
            return null;
        }

        var servant = await access.ServantOfAsync(userId, bodyId, ct);
        return new Actor(
            userId,
            servant,
            Hr: roles.Contains(BodyRole.Hr) || roles.Contains(BodyRole.HrHead),
            HrHead: roles.Contains(BodyRole.HrHead),
            Authorized: roles.Contains(BodyRole.AuthorizedPerson));
    }
}

internal static class Saving
{
    /// <summary>Saves; a stale version becomes <c>concurrency-conflict</c> and nothing is written.</summary>
    public static async Task<Refusal?> SaveAsync(BagalauDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceRefusals.Conflict;
        }
    }
}
