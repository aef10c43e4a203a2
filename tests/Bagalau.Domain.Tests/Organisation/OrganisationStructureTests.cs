using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Tests.Organisation;

public class OrganisationStructureTests
{
    private static readonly Guid Body = Guid.NewGuid();

    [Fact]
    public void DirectSupervisorLines_ThatWouldCloseACircle_AreReportingCycle()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var structure = new ReportingStructure([(a, ReportingLineKind.DirectSupervisor, b), (b, ReportingLineKind.DirectSupervisor, c)]);

        Assert.Equal("reporting-cycle", structure.Check(c, ReportingLineKind.DirectSupervisor, a)?.Code);
        Assert.Equal("reporting-self", structure.Check(a, ReportingLineKind.DirectSupervisor, a)?.Code);
        Assert.Null(structure.Check(c, ReportingLineKind.FirstHead, a)); // only direct-supervisor lines form the chain
    }

    [Fact]
    public void Superior_IsTheSupervisorsSupervisor_UnlessSetExplicitly()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        var structure = new ReportingStructure([(a, ReportingLineKind.DirectSupervisor, b), (b, ReportingLineKind.DirectSupervisor, c)]);

        Assert.Equal(c, structure.SuperiorOf(a));
        Assert.Null(structure.SuperiorOf(b));
        structure.Set(a, ReportingLineKind.Superior, d);
        Assert.Equal(d, structure.SuperiorOf(a));
        Assert.Equal([a], structure.DirectReportsOf(b));
    }

    [Fact]
    public void Units_CannotBePlacedUnderThemselvesOrTheirDescendants()
    {
        var parents = new Dictionary<Guid, Guid?>();
        var root = StructuralUnit.Create(Body, "root", "Аппарат", null, null, null, parents).Value;
        parents[root.Id] = null;
        var child = StructuralUnit.Create(Body, "child", "Бөлім", null, null, root.Id, parents).Value;
        parents[child.Id] = root.Id;

        Assert.Equal("unit-cycle", Assert.Single(root.Change("Аппарат", null, null, child.Id, parents).Errors).Code);
        Assert.Equal("unit-cycle", Assert.Single(root.Change("Аппарат", null, null, root.Id, parents).Errors).Code);
        Assert.Null(root.ParentId);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("has space", "code-invalid")]
    public void Unit_WithABadCode_IsRejected(string code, string error)
    {
        Assert.Equal(error, StructuralUnit.Create(Body, code, "Бөлім", null, null, null, new Dictionary<Guid, Guid?>()).Errors[0].Code);
    }

    [Fact]
    public void Position_KeepsCategoryAndQualifier()
    {
        var position = Position.Create(Body, "P-1", "Басқарма басшысы", "Руководитель управления", null, Guid.NewGuid(), "C-3", PositionQualifier.DivisionHead).Value;

        Assert.True(position.IsHead);
        Assert.Equal("Руководитель управления", position.TitleIn("ru"));
        Assert.Equal("Басқарма басшысы", position.TitleIn("en")); // falls back to Kazakh
    }

    [Theory]
    [InlineData(PositionQualifier.None, "")]
    [InlineData(PositionQualifier.UnitHead, "unit-head")]
    [InlineData(PositionQualifier.DeputyDirector, "deputy-director")]
    [InlineData(PositionQualifier.DivisionHead, "division-head")]
    public void Qualifiers_UseTheGlossaryIds(PositionQualifier qualifier, string id)
    {
        Assert.Equal(id, KindIds.Id(qualifier));
        Assert.True(KindIds.TryParse<PositionQualifier>(id, out var parsed));
        Assert.Equal(qualifier, parsed);
    }

    [Fact]
    public void KindIds_MatchTheGlossary()
    {
        Assert.Equal(["remark", "reprimand", "severe-reprimand", "incomplete-compliance-warning", "demotion", "dismissal", "other"], KindIds.All<SanctionKind>());
        Assert.Equal(["leave", "unpaid-leave", "sick", "trip", "internship", "training", "social-leave"], KindIds.All<AbsenceKind>());
        Assert.Equal(["direct-supervisor", "superior", "first-head", "authorized-person"], KindIds.All<ReportingLineKind>());
    }
}
