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
                .OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Id)
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
                .ThenBy(t => t.Due == null)
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

    // The user's open tasks on SQLite: one SELECT with an OR over both assignee columns, which
    // SQLite answers from the two assignee indexes (MULTI-INDEX OR); the unary + keeps it off the
    // (status, due) index, which it would otherwise walk over every open task of the nation to
    // save the sort (ADR 0015). $p0 the open status, $p1 the user.
    private const string OpenOnSqlite = """
        FROM "EvaluationTasks" AS "e"
        WHERE +"e"."Status" = $p0
          AND ("e"."AssigneeUserId" = $p1
               OR "e"."AssigneeServantId" IN (SELECT "m"."ServantId" FROM "BodyMemberships" AS "m" WHERE "m"."UserId" = $p1))
        """;

    // "+ 0": SQLite reads a bare variable in LIMIT/OFFSET while planning, which marks the
    // statement to be prepared again whenever it is rebound, i.e. on every read.
    private const string OpenPageSql = """
        SELECT "e"."Id", "e"."StateBodyId", "e"."Kind", "e"."SubjectType", "e"."SubjectId", "e"."CycleId", "e"."AssigneeServantId",
               "e"."AssigneeUserId", "e"."Due", "e"."DeadlineId", "e"."Clause", "e"."PackId", "e"."AboutServantId", "e"."UnitId"
        """ + OpenOnSqlite + """

        ORDER BY "e"."Due" IS NULL, "e"."Due", "e"."Id"
        LIMIT $p2 + 0 OFFSET $p3 + 0
        """;

    private const string OpenCountSql = "SELECT count(*) " + OpenOnSqlite;

    /// <summary>
    /// A page of the user's open tasks on SQLite, read on a held-open connection with the
    /// statement prepared once (ADR 0016): 340 µs of CPU a page through EF.
    /// </summary>
    public static List<TaskView> OpenPageOnSqlite(SqliteReads reads, string userId, DateOnly today, int skip, int take) =>
        reads.List(OpenPageSql, [OpenId, userId, take, skip], r => new TaskView(
            r.GetGuid(0),
            r.GetGuid(1),
            r.GetString(2),
            TaskKinds.NameOf(r.GetString(2)),
            r.GetString(3),
            r.GetGuid(4),
            r.IsDBNull(5) ? null : r.GetGuid(5),
            r.IsDBNull(6) ? null : r.GetGuid(6),
            r.IsDBNull(7) ? null : r.GetString(7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            r.GetString(9),
            r.IsDBNull(10) ? null : r.GetString(10),
            r.GetString(11),
            TaskStatusRule.StatusOn(EvaluationTaskStatus.Open, r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8), today),
            null,
            r.IsDBNull(12) ? null : r.GetGuid(12),
            r.IsDBNull(13) ? null : r.GetGuid(13)));

    /// <summary>How many open tasks the user has on SQLite (for the total of a full page).</summary>
    public static int OpenCountOnSqlite(SqliteReads reads, string userId) =>
        reads.List(OpenCountSql, [OpenId, userId], r => r.GetInt32(0))[0];

    /// <summary>One page of the user's tasks, open ones by due date, done ones last when asked for.</summary>
    public static async Task<List<EvaluationTask>> PageAsync(BagalauDbContext db, string userId, bool includeDone, int skip, int take, CancellationToken ct)
    {
        var rows = new List<EvaluationTask>(Math.Min(take, 16));
        var compiled = ByModel.GetOrAdd(db.Model, _ => Compile());
        await foreach (var task in (includeDone ? compiled.AllPage : compiled.OpenPage)(db, userId, skip, take).WithCancellation(ct))
        {
            rows.Add(task);
        }

        return rows;
    }
}
