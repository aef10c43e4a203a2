using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Persistence.Configurations;

internal sealed class AnnualResultConfiguration : IEntityTypeConfiguration<AnnualResult>
{
    public void Configure(EntityTypeBuilder<AnnualResult> entity)
    {
        entity.OrganisationRecord();
        entity.Property(e => e.PackId).HasMaxLength(60);
        entity.Property(e => e.VersionId).HasMaxLength(40);
        entity.Property(e => e.Grade).HasMaxLength(40);
        entity.Property(e => e.Clause).HasMaxLength(40);
        entity.Property(e => e.Score).HasPrecision(5, 2);
        entity.Property(e => e.Q1).HasPrecision(5, 2);
        entity.Property(e => e.Q2).HasPrecision(5, 2);
        entity.Property(e => e.Q3).HasPrecision(5, 2);
        entity.Property(e => e.Q4).HasPrecision(5, 2);
        entity.HasIndex(e => new { e.StateBodyId, e.PackId, e.Year, e.ServantId }).IsUnique();
        entity.HasIndex(e => e.ServantId);
        entity.HasOne<Servant>().WithMany().HasForeignKey(e => e.ServantId).OnDelete(DeleteBehavior.Restrict);
    }
}
