using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>
/// A small state body for workflow tests: one department, a servant, the servant's direct
/// supervisor and superior, HR, the authorized person, commission members and an outsider,
/// each with an account linked to their servant record.
/// </summary>
public sealed class World
{
    public const string Password = "Passw0rd1";

    public Guid BodyId { get; private set; }

    public Guid UnitId { get; private set; }

    public Dictionary<string, Guid> Servants { get; } = [];

    public Dictionary<string, string> Users { get; } = [];

    public Guid Servant => Servants["servant"];

    public string User(string name) => Users[name];

    /// <summary>Builds the body; <paramref name="unitCode"/> names the department (e.g. SJC's administrative department).</summary>
    public static Task<World> BuildAsync(TestApp app, string unitCode = "dept", string staffCategory = "C-4", string supervisorCategory = "C-1") =>
        BuildAsync(new Scopes(app.Services), unitCode, staffCategory, supervisorCategory);

    /// <summary>Builds the body in any host's services (the API tests use the web app's).</summary>
    public static async Task<World> BuildAsync(Scopes app, string unitCode = "dept", string staffCategory = "C-4", string supervisorCategory = "C-1")
    {
        var world = new World();
        var body = await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("wf-" + unitCode, "Сынақ органы", "Тестовый орган", "Test body")));
        world.BodyId = body.Value.Id;
        var unit = await app.WithAsync<OrganisationService, Result<StructuralUnit>>(s => s.CreateUnitAsync(world.BodyId, new UnitInput(unitCode, "Бөлім", "Отдел", "Department", null)));
        world.UnitId = unit.Value.Id;

        // name, category, qualifier, role
        (string Name, string Category, string? Qualifier, BodyRole Role)[] people =
        [
            ("servant", staffCategory, null, BodyRole.Servant),
            ("supervisor", supervisorCategory, "unit-head", BodyRole.Evaluator),
            ("superior", "B-1", null, BodyRole.Evaluator),
            ("first-head", "A-1", null, BodyRole.Evaluator),
            ("hr", "C-4", null, BodyRole.Hr),
            ("authorized", "B-1", null, BodyRole.AuthorizedPerson),
            ("chair", "B-2", null, BodyRole.CommissionMember),
            ("member1", "C-1", null, BodyRole.CommissionMember),
            ("member2", "C-2", null, BodyRole.CommissionMember),
            ("member3", "C-3", null, BodyRole.CommissionMember),
            ("member4", "C-3", null, BodyRole.CommissionMember),
            ("secretary", "C-4", null, BodyRole.CommissionMember),
            ("outsider", staffCategory, null, BodyRole.Servant),
        ];
        var index = 100;
        foreach (var (name, category, qualifier, role) in people)
        {
            index++;
            var position = await app.WithAsync<OrganisationService, Result<Position>>(s => s.CreatePositionAsync(
                world.BodyId, new PositionInput("p-" + name, "Лауазым " + name, null, null, world.UnitId, category, qualifier)));
            Assert.True(position.IsSuccess, string.Join("; ", position.Errors));
            var servant = await app.WithAsync<OrganisationService, Result<Servant>>(s => s.CreateServantAsync(
                world.BodyId, new ServantInput(DemoSeeder.DemoIin(index), "Қызметші " + name, $"{name}@wf.example", null, name != "outsider")));
            Assert.True(servant.IsSuccess, string.Join("; ", servant.Errors));
            await app.WithAsync<OrganisationService, Result<Appointment>>(s => s.AddAppointmentAsync(world.BodyId, servant.Value.Id, new AppointmentInput(position.Value.Id, new DateOnly(2020, 1, 9), null)));
            world.Servants[name] = servant.Value.Id;
            var user = await app.WithAsync<AccountService, Result<BagalauUser>>(s => s.CreateUserAsync($"{name}@wf.example", Password, "kk", [(world.BodyId, role)], servant.Value.Id));
            Assert.True(user.IsSuccess, string.Join("; ", user.Errors));
            world.Users[name] = user.Value.Id;
        }

        await app.WithAsync<AccountService, Result>(s => s.GrantAsync(world.Users["hr"], world.BodyId, BodyRole.HrHead, world.Servants["hr"]));
        await world.LineAsync(app, "servant", "direct-supervisor", "supervisor");
        await world.LineAsync(app, "outsider", "direct-supervisor", "supervisor");
        await world.LineAsync(app, "supervisor", "direct-supervisor", "superior");
        await world.LineAsync(app, "superior", "direct-supervisor", "first-head");
        return world;
    }

    private async Task LineAsync(Scopes app, string servant, string kind, string supervisor)
    {
        var line = await app.WithAsync<OrganisationService, Result<ReportingLine>>(s => s.SetReportingLineAsync(BodyId, new ReportingLineInput(Servants[servant], kind, Servants[supervisor])));
        Assert.True(line.IsSuccess, string.Join("; ", line.Errors));
    }
}

/// <summary>Runs a use case in a fresh scope of a host's services, as the audit actor "tester" (like one request).</summary>
public sealed class Scopes(IServiceProvider services)
{
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Bagalau.Application.Audit.AuditActor>().Name = "tester";
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
