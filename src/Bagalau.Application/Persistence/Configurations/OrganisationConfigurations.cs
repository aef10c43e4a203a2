using Bagalau.Application.Accounts;
using Bagalau.Application.Audit;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Bagalau.Application.Persistence.Configurations;

/// <summary>Enumerations are stored as their glossary ids (readable in the database and stable across renames of C# members).</summary>
internal static class KindConversions
{
    public static PropertyBuilder<TEnum> AsKindId<TEnum>(this PropertyBuilder<TEnum> property)
        where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => KindIds.Id(v), s => KindIds.Parse<TEnum>(s))).HasMaxLength(40);

    /// <summary>Id, tenant and version columns shared by every organisation record.</summary>
    public static void OrganisationRecord<T>(this EntityTypeBuilder<T> entity)
        where T : OrganisationEntity
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.HasIndex(e => e.StateBodyId);
        entity.HasOne<StateBody>().WithMany().HasForeignKey(e => e.StateBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StateBodyConfiguration : IEntityTypeConfiguration<StateBody>
{
    public void Configure(EntityTypeBuilder<StateBody> entity)
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.Property(e => e.Code).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.NameKk).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.NameRu).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.NameEn).HasMaxLength(TextRules.MaxNameLength);
        entity.HasIndex(e => e.Code).IsUnique();
    }
}

internal sealed class StructuralUnitConfiguration : IEntityTypeConfiguration<StructuralUnit>
{
    public void Configure(EntityTypeBuilder<StructuralUnit> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Code).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.NameKk).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.NameRu).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.NameEn).HasMaxLength(TextRules.MaxNameLength);
        entity.HasIndex(e => new { e.StateBodyId, e.Code }).IsUnique();
        entity.HasIndex(e => e.ParentId);
        entity.HasOne<StructuralUnit>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Code).HasMaxLength(TextRules.MaxCodeLength);
        entity.Property(e => e.TitleKk).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.TitleRu).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.TitleEn).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.Category).HasMaxLength(10);
        entity.Property(e => e.Qualifier).AsKindId();
        entity.HasIndex(e => new { e.StateBodyId, e.Code }).IsUnique();
        entity.HasIndex(e => new { e.StateBodyId, e.Category });
        entity.HasIndex(e => e.UnitId);
        entity.HasOne<StructuralUnit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServantConfiguration : IEntityTypeConfiguration<Servant>
{
    public void Configure(EntityTypeBuilder<Servant> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Iin).HasMaxLength(12).IsFixedLength(false);
        entity.Property(e => e.FullName).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.SearchName).HasMaxLength(TextRules.MaxNameLength);
        entity.Property(e => e.Email).HasMaxLength(254);
        entity.Property(e => e.Phone).HasMaxLength(40);
        entity.HasIndex(e => new { e.StateBodyId, e.Iin }).IsUnique();
        entity.HasIndex(e => new { e.StateBodyId, e.SearchName });
        entity.HasMany(e => e.Appointments).WithOne().HasForeignKey(a => a.ServantId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(e => e.Probations).WithOne().HasForeignKey(a => a.ServantId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(e => e.Absences).WithOne().HasForeignKey(a => a.ServantId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(e => e.Dismissals).WithOne().HasForeignKey(a => a.ServantId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(e => e.Sanctions).WithOne().HasForeignKey(a => a.ServantId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Servant.Appointments), nameof(Servant.Probations), nameof(Servant.Absences), nameof(Servant.Dismissals), nameof(Servant.Sanctions) })
        {
            entity.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> entity)
    {
        entity.OrganisationRecord();
        entity.HasIndex(e => new { e.ServantId, e.From });
        entity.HasIndex(e => e.PositionId);
        entity.HasOne<Position>().WithMany().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProbationConfiguration : IEntityTypeConfiguration<Probation>
{
    public void Configure(EntityTypeBuilder<Probation> entity)
    {
        entity.OrganisationRecord();
        entity.HasIndex(e => new { e.ServantId, e.From });
    }
}

internal sealed class AbsenceConfiguration : IEntityTypeConfiguration<Absence>
{
    public void Configure(EntityTypeBuilder<Absence> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Kind).AsKindId();
        entity.HasIndex(e => new { e.ServantId, e.From });
    }
}

internal sealed class DismissalConfiguration : IEntityTypeConfiguration<Dismissal>
{
    public void Configure(EntityTypeBuilder<Dismissal> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Note).HasMaxLength(TextRules.MaxNameLength);
        entity.HasIndex(e => new { e.ServantId, e.Date });
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Kind).AsKindId();
        entity.Property(e => e.Note).HasMaxLength(TextRules.MaxNameLength);
        entity.HasIndex(e => new { e.ServantId, e.Applied });
    }
}

internal sealed class ReportingLineConfiguration : IEntityTypeConfiguration<ReportingLine>
{
    public void Configure(EntityTypeBuilder<ReportingLine> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.Kind).AsKindId();
        entity.HasIndex(e => new { e.ServantId, e.Kind }).IsUnique();
        entity.HasIndex(e => e.SupervisorId);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.SupervisorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyMembershipConfiguration : IEntityTypeConfiguration<BodyMembership>
{
    public void Configure(EntityTypeBuilder<BodyMembership> entity)
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.Property(e => e.Role).AsKindId();
        entity.HasIndex(e => new { e.UserId, e.StateBodyId, e.Role }).IsUnique();
        entity.HasIndex(e => new { e.StateBodyId, e.Role });
        entity.HasOne<BagalauUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<StateBody>().WithMany().HasForeignKey(e => e.StateBodyId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> entity)
    {
        entity.HasKey(e => e.Sequence);
        entity.Property(e => e.Sequence).ValueGeneratedNever();
        entity.Property(e => e.Actor).HasMaxLength(256);
        entity.Property(e => e.Action).HasMaxLength(10);
        entity.Property(e => e.Entity).HasMaxLength(100);
        entity.Property(e => e.EntityKey).HasMaxLength(200);
        entity.Property(e => e.PreviousHash).HasMaxLength(64);
        entity.Property(e => e.Hash).HasMaxLength(64);
        entity.HasIndex(e => new { e.StateBodyId, e.Sequence });
        entity.HasIndex(e => new { e.Entity, e.EntityKey });
    }
}
