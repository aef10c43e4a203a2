using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Persistence;

/// <summary>The one EF Core context of Bagalau (ADR 0003). The provider is chosen by configuration.</summary>
public class BagalauDbContext(DbContextOptions<BagalauDbContext> options)
    : IdentityDbContext<BagalauUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BagalauDbContext).Assembly);
    }
}

/// <summary>A person who signs in. Roles are held per state body, not globally.</summary>
public class BagalauUser : IdentityUser
{
    /// <summary>UI culture chosen by the user: kk, ru or en.</summary>
    public string PreferredCulture { get; set; } = "kk";
}
