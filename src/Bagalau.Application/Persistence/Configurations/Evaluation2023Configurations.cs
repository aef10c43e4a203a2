using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

internal sealed class QuarterRoundConfiguration : IEntityTypeConfiguration<QuarterRound>
{
    public void Configure(EntityTypeBuilder<QuarterRound> entity)
    {
        entity.OrganisationRecord();
        entity.Ignore(e => e.Period);
        entity.Property(e => e.PackId).HasMaxLength(60);
        entity.Property(e => e.VersionId).HasMaxLength(40);
        entity.Property(e => e.DueClause).HasMaxLength(40);
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.ScheduledBy).HasMaxLength(256);
        entity.Property(e => e.ApprovedBy).HasMaxLength(256);
        entity.HasIndex(e => new { e.StateBodyId, e.PackId, e.Year, e.Quarter }).IsUnique();
    }
}

internal sealed class RatingSheetConfiguration : IEntityTypeConfiguration<RatingSheet>
{
    public void Configure(EntityTypeBuilder<RatingSheet> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.FormId).HasMaxLength(60);
        entity.Property(e => e.Participation).HasMaxLength(40);
        entity.Property(e => e.EligibilityReason).HasMaxLength(80);
        entity.Property(e => e.EligibilityClause).HasMaxLength(40);
        entity.Property(e => e.AssignmentClause).HasMaxLength(40);
        entity.Property(e => e.DueClause).HasMaxLength(40);
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.Average).HasPrecision(5, 2);
        entity.Property(e => e.Score).HasPrecision(5, 2);
        entity.Property(e => e.CalibratedScore).HasPrecision(5, 2);
        entity.Property(e => e.Grade).HasMaxLength(40);
        entity.Property(e => e.CalibratedGrade).HasMaxLength(40);
        entity.Property(e => e.CappedBy).HasMaxLength(60);
        entity.Property(e => e.ResultClause).HasMaxLength(40);
        entity.Property(e => e.CalibrationClause).HasMaxLength(40);
        entity.Property(e => e.SubmittedBy).HasMaxLength(256);
        entity.Property(e => e.FeedbackAchievements).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.FeedbackSkills).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.FeedbackPotential).HasMaxLength(WorkflowRefusals.MaxText);
        entity.HasIndex(e => new { e.RoundId, e.ServantId }).IsUnique();
        entity.HasIndex(e => e.ServantId);
        entity.HasIndex(e => e.EvaluatorId);
        entity.HasOne<QuarterRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Restrict);
        entity.OwnsMany(e => e.Scores, score =>
        {
            score.ToTable("SheetScores");
            score.WithOwner().HasForeignKey("SheetId");
            score.Property<int>("Id");
            score.HasKey("Id");
            score.Property(s => s.ParameterId).HasMaxLength(60);
            score.Property(s => s.Score).HasPrecision(5, 2);
            score.Property(s => s.Comment).HasMaxLength(WorkflowRefusals.MaxText);
        });
        entity.Navigation(e => e.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CalibrationCaseConfiguration : IEntityTypeConfiguration<CalibrationCase>
{
    public void Configure(EntityTypeBuilder<CalibrationCase> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Statement).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.DecisionClause).HasMaxLength(40);
        entity.Property(e => e.SessionClause).HasMaxLength(40);
        entity.Property(e => e.ProtocolClause).HasMaxLength(40);
        entity.Property(e => e.OutcomeClause).HasMaxLength(40);
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.EvaluatorJustification).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.ObjectionForm).HasMaxLength(20);
        entity.Property(e => e.Objection).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.MembersArguments).HasMaxLength(WorkflowRefusals.MaxText);
        entity.Property(e => e.Outcome).HasMaxLength(20);
        entity.Property(e => e.FinalGrade).HasMaxLength(40);
        entity.Property(e => e.OriginalScore).HasPrecision(5, 2);
        entity.Property(e => e.ProposedScore).HasPrecision(5, 2);
        entity.Property(e => e.FinalScore).HasPrecision(5, 2);
        entity.HasIndex(e => e.SheetId).IsUnique();
        entity.HasOne<RatingSheet>().WithMany().HasForeignKey(e => e.SheetId).OnDelete(DeleteBehavior.Cascade);
        entity.OwnsMany(e => e.Members, member =>
        {
            member.ToTable("CalibrationMembers");
            member.WithOwner().HasForeignKey("CaseId");
            member.Property<int>("Id");
            member.HasKey("Id");
        });
        entity.Navigation(e => e.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
