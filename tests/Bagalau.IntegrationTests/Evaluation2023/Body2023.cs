using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Evaluation2023;

/// <summary>
/// A small body for the 2023-family tests: a centre and a department; a chair (authorized
/// person), a B-1 department head, a C-3 deputy (leadership), specialists, an HR officer, the
/// head of HR, a colleague, a newcomer (appointed 10.06.2026) and a servant sick most of Q2 2026.
/// Each person signs in as a user with the roles named below.
/// </summary>
public sealed class Body2023
{
    private static int _iin = 100;

    public Guid BodyId { get; private init; }

    public Dictionary<string, Guid> Servants { get; } = [];

    public Dictionary<string, string> Users { get; } = [];

    public Guid this[string servant] => Servants[servant];

    public string User(string name) => Users[name];

    /// <summary>
    /// A demo IIN no other test body has taken: test classes run in parallel and add servants
    /// to their bodies, so a fixed index collides once the shared counter reaches it.
    /// </summary>
    public static string NextIin() => DemoSeeder.DemoIin(Interlocked.Increment(ref _iin));

    public static Task<Body2023> CreateAsync(TestApp app, string code, DateOnly appointed) =>
        CreateAsync(work => app.WithAsync(work), code, appointed);

    /// <summary>The same body in any host's services (the web tests' host too).</summary>
    public static Task<Body2023> CreateAsync(IServiceProvider services, string code, DateOnly appointed) =>
        CreateAsync(
            async work =>
            {
                await using var scope = services.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
            },
            code,
            appointed);

    /// <summary>The same body through any host that runs work on a fresh DbContext (e.g. the web app under test).</summary>
    public static async Task<Body2023> CreateAsync(Func<Func<BagalauDbContext, Task>, Task> withDb, string code, DateOnly appointed)
    {
        var body = StateBody.Create(code, "Сынақ органы", "Тестовый орган", "Test body").Value;
        var result = new Body2023 { BodyId = body.Id };
        await withDb(async db =>
        {
            db.StateBodies.Add(body);
            var parents = new Dictionary<Guid, Guid?>();
            var centre = StructuralUnit.Create(body.Id, "centre", "Орталық", null, null, null, parents).Value;
            parents[centre.Id] = null;
            var dept = StructuralUnit.Create(body.Id, "dept", "Департамент", null, null, centre.Id, parents).Value;
            db.StructuralUnits.AddRange(centre, dept);

            var people = new (string Name, Guid Unit, string Category, PositionQualifier Qualifier, string? Supervisor, DateOnly? From)[]
            {
                ("chair", centre.Id, "A-2", PositionQualifier.UnitHead, null, null),
                ("hr", centre.Id, "C-4", PositionQualifier.None, "chair", null),
                ("hrhead", centre.Id, "C-3", PositionQualifier.DivisionHead, "chair", null),
                ("colleague", centre.Id, "C-4", PositionQualifier.None, "chair", null),
                ("head", dept.Id, "B-1", PositionQualifier.UnitHead, "chair", null),
                ("deputy", dept.Id, "C-3", PositionQualifier.DivisionHead, "head", null),
                ("spec1", dept.Id, "C-4", PositionQualifier.None, "deputy", null),
                ("spec2", dept.Id, "C-4", PositionQualifier.None, "deputy", null),
                ("newcomer", dept.Id, "C-5", PositionQualifier.None, "head", new DateOnly(2026, 6, 10)),
                ("sick", dept.Id, "C-5", PositionQualifier.None, "head", null),
            };
            var lines = new ReportingStructure([]);
            foreach (var (name, unit, category, qualifier, _, from) in people)
            {
                var position = Position.Create(body.Id, "p-" + name, "Лауазым " + name, null, null, unit, category, qualifier).Value;
                var servant = Servant.Create(body.Id, NextIin(), "Қызметші " + name, null, null, false).Value;
                servant.Appoint(position.Id, from ?? appointed, null);
                db.Positions.Add(position);
                db.Servants.Add(servant);
                result.Servants[name] = servant.Id;
            }

            foreach (var (name, _, _, _, supervisor, _) in people.Where(p => p.Supervisor is not null))
            {
                var line = ReportingLine.Create(body.Id, result[name], ReportingLineKind.DirectSupervisor, result[supervisor!], lines).Value;
                lines.Set(result[name], ReportingLineKind.DirectSupervisor, result[supervisor!]);
                db.ReportingLines.Add(line);
            }

            await db.SaveChangesAsync();

            var roles = new (string User, BodyRole[] Roles, string? Servant)[]
            {
                ("hr", [BodyRole.Hr], "hr"),
                ("hrhead", [BodyRole.HrHead], "hrhead"),
                ("authorized", [BodyRole.AuthorizedPerson], "chair"),
                ("head", [BodyRole.Evaluator], "head"),
                ("deputy", [BodyRole.Evaluator], "deputy"),
                ("spec1", [BodyRole.Servant], "spec1"),
                ("spec2", [BodyRole.Servant], "spec2"),
                ("colleague", [BodyRole.Servant], "colleague"),
                ("sick", [BodyRole.Servant], "sick"),
            };
            foreach (var (user, granted, servant) in roles)
            {
                var id = Guid.NewGuid().ToString();
                var email = $"{user}.{code}@bagalau.example";
                db.Users.Add(new BagalauUser { Id = id, UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() });
                foreach (var role in granted)
                {
                    db.BodyMemberships.Add(new BodyMembership(id, body.Id, role, servant is null ? null : result[servant]));
                }

                result.Users[user] = id;
            }

            await db.SaveChangesAsync();
        });
        return result;
    }
}
