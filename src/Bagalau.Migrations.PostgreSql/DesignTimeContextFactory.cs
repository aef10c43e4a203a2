using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bagalau.Migrations.PostgreSql;

/// <summary>Lets dotnet-ef build the model for this provider (no database is contacted to add a migration).</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BagalauDbContext>
{
    public BagalauDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BagalauDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=localhost;Database=bagalau_design;Username=postgres").Configure(builder);
        return new BagalauDbContext(builder.Options);
    }
}
