using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

internal sealed class EvaluationTaskConfiguration : IEntityTypeConfiguration<EvaluationTask>
{
    public void Configure(EntityTypeBuilder<EvaluationTask> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Kind).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.AssigneeUserId).HasMaxLength(450);
        entity.Property(e => e.SubjectType).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.DeadlineId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.Clause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.Status).AsKindId();
        entity.HasIndex(e => new { e.AssigneeServantId, e.Status });
        entity.HasIndex(e => new { e.AssigneeUserId, e.Status });
        entity.HasIndex(e => new { e.CycleId, e.UnitId });
        entity.HasIndex(e => new { e.SubjectType, e.SubjectId });
        entity.HasIndex(e => new { e.Status, e.Due });
    }
}

internal sealed class InAppNotificationConfiguration : IEntityTypeConfiguration<InAppNotification>
{
    public void Configure(EntityTypeBuilder<InAppNotification> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Kind).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.RecipientUserId).HasMaxLength(450);
        entity.Property(e => e.TextKk).HasMaxLength(1000);
        entity.Property(e => e.TextRu).HasMaxLength(1000);
        entity.Property(e => e.TextEn).HasMaxLength(1000);
        entity.HasIndex(e => e.RecipientServantId);
        entity.HasIndex(e => e.RecipientUserId);
        entity.Ignore(e => e.Text);
    }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Reminder).HasMaxLength(20);
        entity.Property(e => e.Channel).HasMaxLength(20);

        // The reminder run's idempotency: one delivery per task, reminder and channel.
        entity.HasIndex(e => new { e.TaskId, e.Reminder, e.Channel }).IsUnique();
        entity.HasOne<EvaluationTask>().WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AcquaintanceConfiguration : IEntityTypeConfiguration<ResultAcquaintance>
{
    public void Configure(EntityTypeBuilder<ResultAcquaintance> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.SubjectType).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.ResultKk).HasMaxLength(1000);
        entity.Property(e => e.ResultRu).HasMaxLength(1000);
        entity.Property(e => e.ResultEn).HasMaxLength(1000);
        entity.Property(e => e.DueClause).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.PackVersionId).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.State).AsKindId();
        entity.Property(e => e.Channel).HasConversion(
            v => v == null ? null : KindIds.Id(v.Value),
            s => s == null ? null : KindIds.Parse<NotificationChannel>(s)).HasMaxLength(40);
        foreach (var name in new[] { "RefusalHrName", "RefusalHrPosition", "RefusalWitness1Name", "RefusalWitness1Position", "RefusalWitness2Name", "RefusalWitness2Position", "RefusalNote", "ChannelDetail" })
        {
            entity.Property(name).HasMaxLength(TextRules.MaxNameLength);
        }

        entity.Ignore(e => e.Result);
        entity.Ignore(e => e.RefusalAct);
        entity.HasIndex(e => new { e.SubjectType, e.SubjectId });
        entity.HasIndex(e => e.ServantId);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRecordEntryConfiguration : IEntityTypeConfiguration<ServiceRecordEntry>
{
    public void Configure(EntityTypeBuilder<ServiceRecordEntry> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.SubjectType).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.TextKk).HasMaxLength(1000);
        entity.Property(e => e.TextRu).HasMaxLength(1000);
        entity.Property(e => e.TextEn).HasMaxLength(1000);
        entity.Ignore(e => e.Text);
        entity.HasIndex(e => e.ServantId);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Restrict);
    }
}
