using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bagalau.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider (no database is contacted to add a migration).</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BagalauDbContext>
{
    public BagalauDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BagalauDbContext>();
        new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db").Configure(builder);
        return new BagalauDbContext(builder.Options);
    }
}
