using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Workflow;
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
        entity.Property(e => e.ClosedBy).HasMaxLength(256);
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
        entity.Property(e => e.NotificationChannel).HasConversion(
            v => v == null ? null : KindIds.Id(v.Value),
            s => s == null ? null : KindIds.Parse<NotificationChannel>(s)).HasMaxLength(40);
        entity.Property(e => e.NotifiedBy).HasMaxLength(256);
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
            member.Property(m => m.Vote).HasMaxLength(20);
            member.Property(m => m.Argument).HasMaxLength(WorkflowRefusals.MaxText);
            member.Property<int>("Id");
            member.HasKey("Id");
        });
        entity.Navigation(e => e.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class Survey360RoundConfiguration : IEntityTypeConfiguration<Survey360Round>
{
    public void Configure(EntityTypeBuilder<Survey360Round> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.PackId).HasMaxLength(60);
        entity.Property(e => e.VersionId).HasMaxLength(40);
        entity.Property(e => e.DueClause).HasMaxLength(40);
        entity.Property(e => e.LaunchedBy).HasMaxLength(256);
        entity.HasIndex(e => new { e.StateBodyId, e.PackId, e.Year }).IsUnique();
    }
}

internal sealed class Survey360TargetConfiguration : IEntityTypeConfiguration<Survey360Target>
{
    public void Configure(EntityTypeBuilder<Survey360Target> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Role).HasMaxLength(40);
        entity.HasIndex(e => new { e.RoundId, e.ServantId }).IsUnique();
        entity.HasOne<Survey360Round>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(e => e.Invitations).WithOne().HasForeignKey(i => i.TargetId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(e => e.Invitations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class Survey360InvitationConfiguration : IEntityTypeConfiguration<Survey360Invitation>
{
    public void Configure(EntityTypeBuilder<Survey360Invitation> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Relation).HasMaxLength(20);
        entity.Property(e => e.TokenHash).HasMaxLength(64);
        entity.HasIndex(e => e.TokenHash);
        entity.HasIndex(e => new { e.TargetId, e.RespondentId }).IsUnique();
    }
}

/// <summary>The anonymous answers: no respondent, invitation, token or time column, and no audit entry.</summary>
internal sealed class Survey360AnswerConfiguration : IEntityTypeConfiguration<Survey360Reply>
{
    public void Configure(EntityTypeBuilder<Survey360Reply> entity)
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.HasIndex(e => e.TargetId);
        entity.HasOne<Survey360Target>().WithMany().HasForeignKey(e => e.TargetId).OnDelete(DeleteBehavior.Cascade);
        entity.OwnsMany(e => e.Ratings, rating =>
        {
            rating.ToTable("Survey360Ratings");
            rating.WithOwner().HasForeignKey("AnswerId");
            // Keyed by answer and competency, not by a random id of its own: an answer's ratings
            // then go into one page of one index instead of one random page each (the 360
            // answer by link is the nation's hottest write, docs/benchmarks.md).
            rating.HasKey("AnswerId", nameof(Survey360Rating.CompetencyId));
            rating.Property(r => r.CompetencyId).HasMaxLength(60);
            rating.Property(r => r.Rating).HasPrecision(5, 2);
        });
        entity.Navigation(e => e.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
