using System.Text.Json;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

/// <summary>
/// Lists that belong to one record and change with it (KPI progress, ticks, seats, votes,
/// cases) are JSON columns: they are never queried on their own.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void List<TEntity, TItem>(EntityTypeBuilder<TEntity> entity, string field, string column)
        where TEntity : class =>
        entity.Property<List<TItem>>(field).HasColumnName(column).HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => JsonSerializer.Deserialize<List<TItem>>(s, Options) ?? new List<TItem>(),
            new ValueComparer<List<TItem>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<List<TItem>>(JsonSerializer.Serialize(v, Options), Options)!));
}

internal sealed class MonitoringNoteConfiguration : IEntityTypeConfiguration<MonitoringNote>
{
    public void Configure(EntityTypeBuilder<MonitoringNote> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("MonitoringNotes2018");
        entity.Property(e => e.Recommendations).HasMaxLength(4000);
        entity.Ignore(e => e.Progress);
        JsonColumn.List<MonitoringNote, KpiProgress>(entity, "_progress", "Progress");
        entity.HasIndex(e => new { e.PlanId, e.Quarter }).IsUnique();
        entity.HasOne<WorkPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KpiFactConfiguration : IEntityTypeConfiguration<KpiFact>
{
    public void Configure(EntityTypeBuilder<KpiFact> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("KpiFacts2018");
        entity.Property(e => e.FileName).HasMaxLength(200);
        entity.Property(e => e.ContentType).HasMaxLength(120);
        entity.Property(e => e.UploadedBy).HasMaxLength(450);
        entity.HasIndex(e => e.SheetId);
        entity.HasOne<KpiSheet>().WithMany().HasForeignKey(e => e.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetencySheetConfiguration : IEntityTypeConfiguration<CompetencySheet>
{
    public void Configure(EntityTypeBuilder<CompetencySheet> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("CompetencySheets2018");
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.Category).HasMaxLength(40);
        entity.Property(e => e.Qualifier).HasMaxLength(40);
        entity.Property(e => e.State).AsKindId();
        entity.Ignore(e => e.Marks);
        entity.Ignore(e => e.Results);
        entity.Ignore(e => e.Position);
        JsonColumn.List<CompetencySheet, CompetencyMark>(entity, "_marks", "Marks");
        JsonColumn.List<CompetencySheet, CompetencyResult>(entity, "_results", "Results");
        entity.HasIndex(e => new { e.CycleId, e.ServantId }).IsUnique();
        entity.HasOne<EvaluationCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationCommissionConfiguration : IEntityTypeConfiguration<EvaluationCommission>
{
    public void Configure(EntityTypeBuilder<EvaluationCommission> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("Commissions2018");
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Ignore(e => e.Seats);
        entity.Ignore(e => e.ChairId);
        entity.Ignore(e => e.SecretaryId);
        JsonColumn.List<EvaluationCommission, CommissionSeat>(entity, "_seats", "Seats");
        entity.HasIndex(e => e.CycleId).IsUnique();
        entity.HasOne<EvaluationCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommissionScheduleConfiguration : IEntityTypeConfiguration<CommissionSchedule>
{
    public void Configure(EntityTypeBuilder<CommissionSchedule> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("Schedules2018");
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.NoticeClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Ignore(e => e.Sittings);
        entity.Ignore(e => e.Servants);
        JsonColumn.List<CommissionSchedule, DateOnly>(entity, "_sittings", "Sittings");
        JsonColumn.List<CommissionSchedule, Guid>(entity, "_servants", "Servants");
        entity.HasIndex(e => e.CycleId);
        entity.HasOne<EvaluationCommission>().WithMany().HasForeignKey(e => e.CommissionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommissionSittingConfiguration : IEntityTypeConfiguration<CommissionSitting>
{
    public void Configure(EntityTypeBuilder<CommissionSitting> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("Sittings2018");
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.State).AsKindId();
        entity.Ignore(e => e.Seats);
        entity.Ignore(e => e.Present);
        entity.Ignore(e => e.Votes);
        entity.Ignore(e => e.Agenda);
        entity.Ignore(e => e.Cases);
        entity.Ignore(e => e.VotingMembers);
        entity.Ignore(e => e.ChairId);
        JsonColumn.List<CommissionSitting, CommissionSeat>(entity, "_seats", "Seats");
        JsonColumn.List<CommissionSitting, Guid>(entity, "_present", "Present");
        JsonColumn.List<CommissionSitting, CastVote>(entity, "_votes", "Votes");
        JsonColumn.List<CommissionSitting, Guid>(entity, "_agenda", "Agenda");
        JsonColumn.List<CommissionSitting, CommissionCase>(entity, "_cases", "Cases");
        entity.HasIndex(e => new { e.CommissionId, e.SittingOn }).IsUnique();
        entity.HasOne<EvaluationCommission>().WithMany().HasForeignKey(e => e.CommissionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationAppealConfiguration : IEntityTypeConfiguration<EvaluationAppeal>
{
    public void Configure(EntityTypeBuilder<EvaluationAppeal> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("Appeals2018");
        entity.Property(e => e.Body).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.DueClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.OutcomeNote).HasMaxLength(2000);
        entity.Property(e => e.Outcome).HasConversion(
            v => v == null ? null : KindIds.Id(v.Value),
            s => s == null ? null : KindIds.Parse<AppealOutcome>(s)).HasMaxLength(40);
        entity.HasIndex(e => new { e.SittingId, e.ServantId });
        entity.HasOne<CommissionSitting>().WithMany().HasForeignKey(e => e.SittingId).OnDelete(DeleteBehavior.Restrict);
    }
}
