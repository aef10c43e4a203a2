namespace Bagalau.Domain.Tests;

public class SkeletonTests
{
    [Fact]
    public void DomainAssembly_HasNoPackageReferences()
    {
        var referenced = typeof(Bagalau.Application.Persistence.BagalauDbContext).Assembly.GetReferencedAssemblies();
        Assert.NotEmpty(referenced);
        var domain = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "Bagalau.Application")
            .GetReferencedAssemblies().Single(a => a.Name == "Bagalau.Domain");
        var domainRefs = System.Reflection.Assembly.Load(domain).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToList();
        Assert.Empty(domainRefs);
    }
}
