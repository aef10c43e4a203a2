using Bagalau.Application.Accounts;
using Bagalau.Application.Audit;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bagalau.Application.Persistence;

/// <summary>
/// The one EF Core context of Bagalau (ADR 0003). The provider is chosen by configuration.
/// Every save bumps the version of changed records (ADR 0011) and appends the changes to the
/// hash-chained audit log in the same transaction (ADR 0010). Contexts are pooled (ADR 0015):
/// the request's clock and audit actor are handed to a context when it is leased
/// (<see cref="Lease"/>), not given to its constructor.
/// </summary>
public class BagalauDbContext(DbContextOptions<BagalauDbContext> options)
    : IdentityDbContext<BagalauUser>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _pendingReads = [];

    // A context made outside DI (design-time tools, migrations) stamps with the real clock;
    // every leased context is handed the app's TimeProvider.
#pragma warning disable RS0030
    public TimeProvider Clock { get; private set; } = TimeProvider.System;
#pragma warning restore RS0030

    public IAuditActor Actor { get; private set; } = new AuditActor();

    /// <summary>Readies a context taken from the pool for one scope: its clock and who its audit records name.</summary>
    internal BagalauDbContext Lease(TimeProvider clock, IAuditActor actor)
    {
        Clock = clock;
        Actor = actor;
        _pendingReads.Clear();
        return this;
    }

    public override void Dispose()
    {
        // Back to the pool: no read of this scope may be written by the next one.
        _pendingReads.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _pendingReads.Clear();
        return base.DisposeAsync();
    }

    public DbSet<StateBody> StateBodies => Set<StateBody>();

    public DbSet<StructuralUnit> StructuralUnits => Set<StructuralUnit>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<Servant> Servants => Set<Servant>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Probation> Probations => Set<Probation>();

    public DbSet<Absence> Absences => Set<Absence>();

    public DbSet<Dismissal> Dismissals => Set<Dismissal>();

    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<ReportingLine> ReportingLines => Set<ReportingLine>();

    public DbSet<BodyMembership> BodyMemberships => Set<BodyMembership>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<QuarterRound> QuarterRounds => Set<QuarterRound>();

    public DbSet<RatingSheet> RatingSheets => Set<RatingSheet>();

    public DbSet<CalibrationCase> CalibrationCases => Set<CalibrationCase>();

    public DbSet<Survey360Round> Survey360Rounds => Set<Survey360Round>();

    public DbSet<Survey360Target> Survey360Targets => Set<Survey360Target>();

    public DbSet<Survey360Reply> Survey360Replies => Set<Survey360Reply>();

    public DbSet<KtiPlan> KtiPlans => Set<KtiPlan>();

    public DbSet<KtiScoreTable> KtiScoreTables => Set<KtiScoreTable>();

    public DbSet<Domain.Tasks.EvaluationTask> EvaluationTasks => Set<Domain.Tasks.EvaluationTask>();

    public DbSet<Domain.Tasks.InAppNotification> Notifications => Set<Domain.Tasks.InAppNotification>();

    public DbSet<Domain.Tasks.ReminderDelivery> ReminderDeliveries => Set<Domain.Tasks.ReminderDelivery>();

    public DbSet<Domain.Acquaintance.ResultAcquaintance> Acquaintances => Set<Domain.Acquaintance.ResultAcquaintance>();

    public DbSet<Domain.Evaluation2018.EvaluationCycle> EvaluationCycles2018 => Set<Domain.Evaluation2018.EvaluationCycle>();

    public DbSet<Domain.Evaluation2018.EligibilityEntry> EligibilityEntries => Set<Domain.Evaluation2018.EligibilityEntry>();

    public DbSet<Domain.Evaluation2018.WorkPlan> WorkPlans => Set<Domain.Evaluation2018.WorkPlan>();

    public DbSet<Domain.Evaluation2018.KpiSheet> KpiSheets => Set<Domain.Evaluation2018.KpiSheet>();

    public DbSet<Domain.Acquaintance.ServiceRecordEntry> ServiceRecordEntries => Set<Domain.Acquaintance.ServiceRecordEntry>();
    /// <summary>ASP.NET Core data protection keys (cookies, antiforgery): shared by every node.</summary>
    public DbSet<AnnualResult> AnnualResults => Set<AnnualResult>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Completed runs of the scheduled jobs, one per job and fire time.</summary>
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();

    public bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Queues an audit record of a read (e.g. of an evaluation result); written by the next save.</summary>
    internal void QueueRead(AuditEntry entry) => _pendingReads.Add(entry);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var writer = await EnterSqliteWriteAsync(cancellationToken);
        try
        {
            return await SaveTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            writer?.Release();
        }
    }

    /// <summary>
    /// SQLite has one writer at a time, and a save that finds the file locked sleeps in SQLite's
    /// busy handler with growing pauses before it tries again: under 32 concurrent draft saves
    /// one waited 0.8 s (docs/benchmarks.md). The saves of this process that open their own
    /// transaction queue here instead, first come first served, without sleeping (ADR 0015);
    /// another process (the CLI) still meets SQLite's lock. A save inside a caller's
    /// transaction does not queue: that transaction may already hold the lock.
    /// </summary>
    private async ValueTask<SemaphoreSlim?> EnterSqliteWriteAsync(CancellationToken cancellationToken)
    {
        if (IsPostgreSql || Database.CurrentTransaction is not null)
        {
            return null;
        }

        var writer = SqliteWriters.GetOrAdd(Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await writer.WaitAsync(cancellationToken);
        return writer;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    private async Task<int> SaveTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        VersionTokens.Bump(ChangeTracker);
        var entries = AuditCapture.Capture(ChangeTracker);
        entries.AddRange(_pendingReads);
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        List<AuditRecord> appended = [];
        try
        {
            appended = await AuditChain.AppendAsync(this, entries, cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            _pendingReads.Clear();
            return count;
        }
        catch
        {
            // The chain records must not linger for a retry: they would be written twice.
            foreach (var record in appended)
            {
                Entry(record).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Saves like <see cref="SaveChangesAsync(bool, CancellationToken)"/> (version bump, audit
    /// chain, one transaction, all or nothing) but writes the new rows with the provider's bulk
    /// path (<see cref="BulkInsert"/>): for imports and generated datasets of national size.
    /// Changed rows still go through EF with their concurrency check.
    /// </summary>
    public Task<int> SaveChangesInBulkAsync(CancellationToken cancellationToken = default) =>
        SaveChangesInBulkAsync([], cancellationToken);

    /// <summary>
    /// Saves like <see cref="SaveChangesInBulkAsync(CancellationToken)"/> and also inserts
    /// <paramref name="staged"/>: new objects the change tracker does not hold (a quarter close
    /// stages a body's thousands of new rows this way). Their audit records are read straight from
    /// the objects, so the save scans only the few tracked rows; they are written with the bulk
    /// path in the same transaction and audit chain, and stay untracked afterwards.
    /// </summary>
    public Task<int> SaveChangesInBulkAsync(IReadOnlyCollection<object> staged, CancellationToken cancellationToken = default) =>
        SaveStagedInBulkAsync(staged, null, cancellationToken);

    /// <summary>
    /// Saves like <see cref="SaveChangesInBulkAsync(IReadOnlyCollection{object}, CancellationToken)"/>
    /// but audits the staged rows with ONE record named by <paramref name="batch"/> that lists every
    /// staged row with its values (ADR 0013: a quarter close of a body), instead of one record per
    /// row; the tracked changes keep their own records. Nothing staged: no batch record.
    /// </summary>
    public Task<int> SaveChangesInBulkAsync(IReadOnlyCollection<object> staged, AuditBatch batch, CancellationToken cancellationToken = default) =>
        SaveStagedInBulkAsync(staged, batch, cancellationToken);

    /// <summary>Staged rows grouped by entity type, in the order given; a type the bulk path cannot write untracked is a programming error.</summary>
    private Dictionary<IEntityType, List<object>> StagedByType(IEnumerable<object> staged)
    {
        var typeOf = new Dictionary<Type, IEntityType>();
        var byType = new Dictionary<IEntityType, List<object>>();
        foreach (var row in staged)
        {
            if (!typeOf.TryGetValue(row.GetType(), out var type))
            {
                type = Model.FindEntityType(row.GetType()) is { } found && BulkInsert.SupportsUntracked(found)
                    ? found
                    : throw new InvalidOperationException($"{row.GetType().Name} rows cannot be staged for a bulk insert.");
                typeOf[row.GetType()] = type;
                byType[type] = [];
            }

            byType[type].Add(row);
        }

        return byType;
    }

    private async Task<int> SaveStagedInBulkAsync(IReadOnlyCollection<object> staged, AuditBatch? batch, CancellationToken cancellationToken)
    {
        var writer = await EnterSqliteWriteAsync(cancellationToken);
        try
        {
            return await SaveStagedCoreAsync(staged, batch, cancellationToken);
        }
        finally
        {
            writer?.Release();
        }
    }

    private async Task<int> SaveStagedCoreAsync(IReadOnlyCollection<object> staged, AuditBatch? batch, CancellationToken cancellationToken)
    {
        var stagedByType = StagedByType(staged);

        // One change scan for the whole save: each Entries() call would scan every tracked row again.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        VersionTokens.Bump(ChangeTracker);
        var entries = AuditCapture.Capture(ChangeTracker);
        if (batch is null)
        {
            var typeOf = stagedByType.Keys.ToDictionary(t => t.ClrType);
            entries.AddRange(staged.Select(row => AuditCapture.Insert(typeOf[row.GetType()], row)));
        }
        else if (staged.Count > 0)
        {
            entries.Add(AuditCapture.InsertBatch(batch, stagedByType.Select(g => (g.Key, (IReadOnlyList<object>)g.Value))));
        }

        entries.AddRange(_pendingReads);
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        List<AuditRecord> appended = [];
        try
        {
            if (entries.Count > 0)
            {
                appended = await AuditChain.AppendAsync(this, entries, cancellationToken);
            }

            var added = ChangeTracker.Entries()
                .Where(e => e.State == EntityState.Added && BulkInsert.Supports(e.Metadata))
                .GroupBy(e => e.Metadata)
                .ToDictionary(g => g.Key, g => g.ToList());
            var count = 0;
            foreach (var type in BulkOrder.Of(added.Keys.Union(stagedByType.Keys)))
            {
                if (added.TryGetValue(type, out var tracked))
                {
                    var rows = BulkOrder.ParentsFirst(type, tracked);
                    await BulkInsert.WriteAsync(this, type, rows, cancellationToken);
                    count += rows.Count;
                }

                if (stagedByType.TryGetValue(type, out var untracked))
                {
                    await BulkInsert.WriteAsync(this, type, untracked, cancellationToken);
                    count += untracked.Count;
                }
            }

            foreach (var rows in added.Values)
            {
                foreach (var row in rows)
                {
                    row.State = EntityState.Unchanged;
                }
            }

            count += await base.SaveChangesAsync(true, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            _pendingReads.Clear();
            return count;
        }
        catch
        {
            foreach (var record in appended)
            {
                Entry(record).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Saves like <see cref="SaveChangesInBulkAsync(IReadOnlyCollection{object}, CancellationToken)"/>
    /// but writes <paramref name="staged"/> with their audit records in batches of
    /// <paramref name="batchSize"/> rows, untracked, so that the audit JSON and records of a
    /// national-size import never exist all at once. The staged rows go first (types in
    /// foreign-key order, rows of a type in the order given), then the tracked changes, which may
    /// refer to them: one transaction, one audit chain, all or nothing.
    /// </summary>
    public async Task<int> SaveChangesInBatchesAsync(IReadOnlyList<object> staged, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var writer = await EnterSqliteWriteAsync(cancellationToken);
        try
        {
            return await SaveInBatchesCoreAsync(staged, batchSize, cancellationToken);
        }
        finally
        {
            writer?.Release();
        }
    }

    private async Task<int> SaveInBatchesCoreAsync(IReadOnlyList<object> staged, int batchSize, CancellationToken cancellationToken)
    {
        var byType = StagedByType(staged);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = 0;
            if (staged.Count > 0)
            {
                var link = await AuditChain.LinkAsync(this, cancellationToken);
                var auditType = Model.FindEntityType(typeof(AuditRecord))!;
                foreach (var type in BulkOrder.Of(byType.Keys))
                {
                    var rows = byType[type];
                    for (var start = 0; start < rows.Count; start += batchSize)
                    {
                        var batch = rows.GetRange(start, Math.Min(batchSize, rows.Count - start));
                        var records = AuditChain.Chain(link, batch.Select(row => AuditCapture.Insert(type, row)).ToList());
                        await BulkInsert.WriteAsync(this, type, batch, cancellationToken);
                        await BulkInsert.WriteAsync(this, auditType, records, cancellationToken);
                        count += batch.Count;
                    }
                }
            }

            // The tracked changes read the chain's tail again: it now ends with the batches' records.
            count += await SaveChangesInBulkAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BagalauDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Name search is "contains" (LIKE '%...%'): a trigram index serves it at national scale.
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Servant>().HasIndex(s => s.SearchName, "IX_Servants_SearchName_trgm")
                .HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }
}

/// <summary>A person who signs in. Roles are held per state body, not globally (<see cref="BodyMembership"/>).</summary>
public class BagalauUser : IdentityUser
{
    /// <summary>UI culture chosen by the user: kk, ru or en.</summary>
    public string PreferredCulture { get; set; } = "kk";
}
