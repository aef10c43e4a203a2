using System.Collections.Concurrent;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bagalau.Application.Tasks;

/// <summary>
/// The queries of a user's task list, compiled once (docs/benchmarks.md, "HTTP, wave 5"). One
/// round trip per page: the user's servant records are joined in SQL, not read first and sent
/// back as a parameter list (EF regenerated that SQL on every request under a lock, which
/// serialised the requests); a join, not Contains, since Contains over the nullable assignee
/// column becomes a correlated EXISTS with null semantics that SQLite runs for every open task. The UNION of one indexed query per assignee column is kept: an OR over both
/// columns made SQLite walk the (status, due) index over every open task of the nation.
/// </summary>
internal static class TaskListQueries
{
    // A compiled query belongs to the model it first ran on: one pair per model (one per
    // provider; a process that runs both, like the tests, holds two).
    private static readonly ConcurrentDictionary<IModel, Compiled> ByModel = new();

    private sealed record Compiled(
        Func<BagalauDbContext, string, int, int, IAsyncEnumerable<EvaluationTask>> OpenPage,
        Func<BagalauDbContext, string, int, int, IAsyncEnumerable<EvaluationTask>> AllPage);

    private static Compiled Compile() => new(OpenPageQuery(), AllPageQuery());

    private static Func<BagalauDbContext, string, int, int, IAsyncEnumerable<EvaluationTask>> OpenPageQuery() =>
        EF.CompileAsyncQuery((BagalauDbContext db, string userId, int skip, int take) =>
            db.EvaluationTasks.AsNoTracking()
                .Where(t => t.AssigneeUserId == userId && t.Status == EvaluationTaskStatus.Open)
                .Union(
                    from m in db.BodyMemberships
                    where m.UserId == userId && m.ServantId != null
                    join t in db.EvaluationTasks.AsNoTracking() on m.ServantId equals t.AssigneeServantId
                    where t.Status == EvaluationTaskStatus.Open
                    select t)
                .OrderBy(t => t.Due).ThenBy(t => t.Id)
                .Skip(skip).Take(take));

    private static Func<BagalauDbContext, string, int, int, IAsyncEnumerable<EvaluationTask>> AllPageQuery() =>
        EF.CompileAsyncQuery((BagalauDbContext db, string userId, int skip, int take) =>
            db.EvaluationTasks.AsNoTracking()
                .Where(t => t.AssigneeUserId == userId)
                .Union(
                    from m in db.BodyMemberships
                    where m.UserId == userId && m.ServantId != null
                    join t in db.EvaluationTasks.AsNoTracking() on m.ServantId equals t.AssigneeServantId
                    select t)
                .OrderBy(t => t.Status == EvaluationTaskStatus.Done ? 1 : 0)
                .ThenBy(t => t.Due)
                .ThenBy(t => t.Id)
                .Skip(skip).Take(take));

    /// <summary>The same tasks as the compiled pages (for the count of a full page): assigned to the user, or to a servant record the user is in any body.</summary>
    public static IQueryable<EvaluationTask> Mine(BagalauDbContext db, string userId, bool openOnly)
    {
        var byUser = db.EvaluationTasks.AsNoTracking().Where(t => t.AssigneeUserId == userId);
        var byServant =
            from m in db.BodyMemberships
            where m.UserId == userId && m.ServantId != null
            join t in db.EvaluationTasks.AsNoTracking() on m.ServantId equals t.AssigneeServantId
            select t;
        if (openOnly)
        {
            byUser = byUser.Where(t => t.Status == EvaluationTaskStatus.Open);
            byServant = byServant.Where(t => t.Status == EvaluationTaskStatus.Open);
        }

        return byUser.Union(byServant);
    }

    // The stored form of the open status (the column holds the status's id: AsKindId).
    private static readonly string OpenId = Domain.Organisation.KindIds.Id(EvaluationTaskStatus.Open);

    /// <summary>
    /// A page of open tasks on SQLite: one SELECT with an OR over both assignee columns, which
    /// SQLite answers from the two assignee indexes (MULTI-INDEX OR); the unary + keeps it off the
    /// (status, due) index, which it would otherwise walk over every open task of the nation to
    /// save the sort. 60 µs against the UNION's 160 µs, most of it SQLite parsing the longer
    /// statement (ADR 0015). Not composed further, so the statement runs exactly as written.
    /// </summary>
    private static Task<List<EvaluationTask>> OpenPageOnSqliteAsync(BagalauDbContext db, string userId, int skip, int take, CancellationToken ct) =>
        db.EvaluationTasks.FromSql($"""
            SELECT "e".* FROM "EvaluationTasks" AS "e"
            WHERE +"e"."Status" = {OpenId}
              AND ("e"."AssigneeUserId" = {userId}
                   OR "e"."AssigneeServantId" IN (SELECT "m"."ServantId" FROM "BodyMemberships" AS "m" WHERE "m"."UserId" = {userId}))
            ORDER BY "e"."Due", "e"."Id"
            LIMIT {take} OFFSET {skip}
            """).AsNoTracking().ToListAsync(ct);

    /// <summary>One page of the user's tasks, open ones by due date, done ones last when asked for.</summary>
    public static async Task<List<EvaluationTask>> PageAsync(BagalauDbContext db, string userId, bool includeDone, int skip, int take, CancellationToken ct)
    {
        if (!includeDone && !db.IsPostgreSql)
        {
            return await OpenPageOnSqliteAsync(db, userId, skip, take, ct);
        }

        var rows = new List<EvaluationTask>(Math.Min(take, 16));
        var compiled = ByModel.GetOrAdd(db.Model, _ => Compile());
        await foreach (var task in (includeDone ? compiled.AllPage : compiled.OpenPage)(db, userId, skip, take).WithCancellation(ct))
        {
            rows.Add(task);
        }

        return rows;
    }
}
