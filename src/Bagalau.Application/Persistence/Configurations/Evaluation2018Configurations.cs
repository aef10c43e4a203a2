using System.Text.Json;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

internal sealed class EvaluationCycleConfiguration : IEntityTypeConfiguration<EvaluationCycle>
{
    public void Configure(EntityTypeBuilder<EvaluationCycle> entity)
    {
        entity.OrganisationRecord();
        entity.ToTable("EvaluationCycles2018");
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Ignore(e => e.Period);
        entity.HasIndex(e => new { e.StateBodyId, e.Year, e.PackId }).IsUnique();
    }
}

internal sealed class EligibilityEntryConfiguration : IEntityTypeConfiguration<EligibilityEntry>
{
    public void Configure(EntityTypeBuilder<EligibilityEntry> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Evaluate).HasMaxLength(40);
        entity.Property(e => e.Reason).HasMaxLength(80);
        entity.Property(e => e.Clause).HasMaxLength(TextRules.MaxCodeLength);
        entity.HasIndex(e => new { e.CycleId, e.ServantId }).IsUnique();
        entity.HasOne<EvaluationCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.ApproverClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.ResubmitClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.ReturnReason).HasMaxLength(2000);
        entity.Property(e => e.State).AsKindId();
        entity.Ignore(e => e.Kpis);

        // The five KPIs are one value of the plan (edited, submitted and frozen together): a JSON column.
        entity.Property<List<PlanKpi>>("_kpis").HasColumnName("Kpis").HasConversion(
            v => JsonSerializer.Serialize(v.Select(k => k.ToEntry()).ToList(), Json.Options),
            s => (JsonSerializer.Deserialize<List<KpiEntry>>(s, Json.Options) ?? new List<KpiEntry>()).Select((k, i) => new PlanKpi(i + 1, k)).ToList(),
            new ValueComparer<List<PlanKpi>>(
                (a, b) => JsonSerializer.Serialize(a!.Select(k => k.ToEntry()).ToList(), Json.Options) == JsonSerializer.Serialize(b!.Select(k => k.ToEntry()).ToList(), Json.Options),
                v => v.Count,
                v => v.ToList()));
        entity.HasIndex(e => new { e.CycleId, e.ServantId }).IsUnique();
        entity.HasOne<EvaluationCycle>().WithMany().HasForeignKey(e => e.CycleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KpiSheetConfiguration : IEntityTypeConfiguration<KpiSheet>
{
    public void Configure(EntityTypeBuilder<KpiSheet> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.Grade).HasMaxLength(40);
        entity.Property(e => e.GradeClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.CommissionDueClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.ReturnReason).HasMaxLength(2000);
        entity.Property(e => e.State).AsKindId();
        entity.Ignore(e => e.Rows);
        entity.Ignore(e => e.SentLate);
        entity.Property<List<KpiSheetRow>>("_rows").HasColumnName("Rows").HasConversion(
            v => JsonSerializer.Serialize(v, Json.Options),
            s => JsonSerializer.Deserialize<List<KpiSheetRow>>(s, Json.Options) ?? new List<KpiSheetRow>(),
            new ValueComparer<List<KpiSheetRow>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        entity.HasIndex(e => e.PlanId).IsUnique();
        entity.HasOne<WorkPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
