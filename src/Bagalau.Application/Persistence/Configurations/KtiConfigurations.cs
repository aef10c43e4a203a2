using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

internal sealed class KtiPlanConfiguration : IEntityTypeConfiguration<KtiPlan>
{
    public void Configure(EntityTypeBuilder<KtiPlan> entity)
    {
        entity.OrganisationRecord();
        entity.Ignore(e => e.Period);
        entity.Property(e => e.PackId).HasMaxLength(60);
        entity.Property(e => e.VersionId).HasMaxLength(40);
        entity.Property(e => e.Participation).HasMaxLength(40);
        entity.Property(e => e.EligibilityReason).HasMaxLength(80);
        entity.Property(e => e.EligibilityClause).HasMaxLength(40);
        entity.Property(e => e.TimingReason).HasMaxLength(40);
        entity.Property(e => e.PlanDueClause).HasMaxLength(40);
        entity.Property(e => e.ActualsDueClause).HasMaxLength(40);
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.OpenedBy).HasMaxLength(256);
        entity.Property(e => e.AgreedBy).HasMaxLength(256);
        entity.Property(e => e.ActualsBy).HasMaxLength(256);
        entity.Property(e => e.Score).HasPrecision(5, 2);
        entity.Property(e => e.Grade).HasMaxLength(40);
        entity.Property(e => e.ResultClause).HasMaxLength(40);
        entity.HasIndex(e => new { e.RoundId, e.ServantId }).IsUnique();
        entity.HasIndex(e => e.EvaluatorId);
        entity.HasOne<QuarterRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Restrict);
        entity.OwnsMany(e => e.Items, item =>
        {
            item.ToTable("KtiItems");
            item.WithOwner().HasForeignKey("PlanId");
            item.Property<int>("Id");
            item.HasKey("Id");
            item.Property(i => i.Name).HasMaxLength(TextRules.MaxNameLength);
            item.Property(i => i.Unit).HasMaxLength(TextRules.MaxNameLength);
            item.Property(i => i.Planned).HasMaxLength(TextRules.MaxNameLength);
            item.Property(i => i.Result).HasMaxLength(TextRules.MaxNameLength);
            item.Property(i => i.Actual).HasMaxLength(TextRules.MaxNameLength);
            item.Property(i => i.AchievementPercent).HasPrecision(7, 2);
            item.Property(i => i.Score).HasPrecision(5, 2);
            item.Property(i => i.Comment).HasMaxLength(WorkflowRefusals.MaxText);
        });
        entity.Navigation(e => e.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class KtiScoreTableConfiguration : IEntityTypeConfiguration<KtiScoreTable>
{
    public void Configure(EntityTypeBuilder<KtiScoreTable> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.PackId).HasMaxLength(60);
        entity.Property(e => e.Source).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.EnteredBy).HasMaxLength(256);
        entity.HasIndex(e => new { e.StateBodyId, e.PackId, e.Revision }).IsUnique();
        entity.OwnsMany(e => e.Rows, row =>
        {
            row.ToTable("KtiScoreTableRows");
            row.WithOwner().HasForeignKey("TableId");
            row.Property<int>("Id");
            row.HasKey("Id");
            row.Property(r => r.FromPercent).HasPrecision(7, 2);
            row.Property(r => r.ToPercent).HasPrecision(7, 2);
            row.Property(r => r.MinScore).HasPrecision(5, 2);
            row.Property(r => r.MaxScore).HasPrecision(5, 2);
        });
        entity.Navigation(e => e.Rows).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
