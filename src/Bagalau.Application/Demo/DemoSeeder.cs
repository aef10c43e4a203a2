using System.Globalization;
using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Demo;

/// <summary>A demo sign-in (demo data only: never use these passwords for real accounts).</summary>
public sealed record DemoAccount(string Email, string Password, IReadOnlyList<BodyRole> Roles, string Description);

/// <summary>What <see cref="DemoSeeder.SeedAsync"/> did.</summary>
public sealed record DemoSeedResult(bool Seeded, Guid? StateBodyId, int Servants);

/// <summary>
/// Fills an empty database with a demo state body: a small unit tree, 42 servants with valid
/// IINs across the categories used by the shipped packs, appointments (some recent, one on
/// probation, one history), reporting lines, absences, sanctions, a dismissal and demo
/// accounts for every role. Deterministic: the same <c>today</c> gives the same data.
/// </summary>
public sealed class DemoSeeder(BagalauDbContext db, AccountService accounts)
{
    public const string BodyCode = "demo";
    public const string DemoPassword = "Bagalau-demo-1";

    /// <summary>The demo sign-ins, for the README and the start-up banner.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@bagalau.example", DemoPassword, [BodyRole.Administrator, BodyRole.Hr], "administrator"),
        new("hr@bagalau.example", DemoPassword, [BodyRole.Hr, BodyRole.Servant], "HR officer"),
        new("hr-head@bagalau.example", DemoPassword, [BodyRole.HrHead, BodyRole.Servant], "head of HR"),
        new("evaluator@bagalau.example", DemoPassword, [BodyRole.Evaluator, BodyRole.Servant], "evaluator (head of finance)"),
        new("servant@bagalau.example", DemoPassword, [BodyRole.Servant], "servant"),
        new("commission@bagalau.example", DemoPassword, [BodyRole.CommissionMember, BodyRole.Servant], "commission member"),
        new("authorized@bagalau.example", DemoPassword, [BodyRole.AuthorizedPerson, BodyRole.Servant], "authorized person"),
    ];

    // Which demo servant (index) each account is; the administrator is no servant.
    private static readonly int?[] AccountServants = [null, 7, 2, 3, 8, 5, 0];

    private static readonly (string Code, string Kk, string Ru, string En, string? Parent)[] Units =
    [
        ("apparatus", "Аппарат басшылығы", "Руководство аппарата", "Management of the apparatus", null),
        ("hr", "Персоналды басқару қызметі", "Служба управления персоналом", "HR service", "apparatus"),
        ("finance", "Қаржы департаменті", "Департамент финансов", "Finance department", "apparatus"),
        ("finance-budget", "Бюджет басқармасы", "Управление бюджета", "Budget division", "finance"),
        ("legal", "Заң департаменті", "Юридический департамент", "Legal department", "apparatus"),
        ("digital", "Цифрландыру басқармасы", "Управление цифровизации", "Digitalisation division", "apparatus"),
    ];

    // Heads: index, unit, category, qualifier, title (kk, ru, en), direct supervisor index.
    private static readonly (string Unit, string Category, PositionQualifier Qualifier, string Kk, string Ru, string En, int? Supervisor)[] Heads =
    [
        ("apparatus", "D-O-1", PositionQualifier.UnitHead, "Аппарат басшысы", "Руководитель аппарата", "Head of the apparatus", null),
        ("apparatus", "C-2", PositionQualifier.DeputyDirector, "Аппарат басшысының орынбасары", "Заместитель руководителя аппарата", "Deputy head of the apparatus", 0),
        ("hr", "D-O-2", PositionQualifier.UnitHead, "Персоналды басқару қызметінің басшысы", "Руководитель службы управления персоналом", "Head of HR", 1),
        ("finance", "D-2", PositionQualifier.UnitHead, "Қаржы департаментінің директоры", "Директор департамента финансов", "Director of finance", 0),
        ("finance-budget", "C-3", PositionQualifier.DivisionHead, "Бюджет басқармасының басшысы", "Руководитель управления бюджета", "Head of the budget division", 3),
        ("legal", "B-1", PositionQualifier.UnitHead, "Заң департаментінің директоры", "Директор юридического департамента", "Director of legal affairs", 0),
        ("digital", "E-2", PositionQualifier.UnitHead, "Цифрландыру басқармасының басшысы", "Руководитель управления цифровизации", "Head of digitalisation", 1),
    ];

    private static readonly string[] StaffCategories =
        ["D-O-3", "D-O-4", "D-O-5", "D-O-6", "D-3", "D-4", "C-1", "C-4", "C-5", "B-2", "B-4", "B-5", "C-O-1"];

    private static readonly (string Unit, int Head)[] StaffUnits =
        [("hr", 2), ("finance", 3), ("finance-budget", 4), ("legal", 5), ("digital", 6)];

    private static readonly string[] MaleSurnames = ["Әбенов", "Серікбаев", "Нұрланов", "Қасымов", "Жұмабеков", "Оспанов", "Төлеуов", "Ахметов", "Сейітов", "Бекболатов", "Мұқанов", "Ержанов"];
    private static readonly string[] FemaleSurnames = ["Әбенова", "Серікбаева", "Нұрланова", "Қасымова", "Жұмабекова", "Оспанова", "Төлеуова", "Ахметова", "Сейітова", "Бекболатова", "Мұқанова", "Ержанова"];
    private static readonly string[] MaleNames = ["Асқар", "Ерлан", "Данияр", "Нұрсұлтан", "Бауыржан", "Ғалым", "Мұрат", "Ержан", "Айдос", "Тимур", "Серік"];
    private static readonly string[] FemaleNames = ["Айгүл", "Гүлнар", "Динара", "Жанар", "Әсел", "Мадина", "Сәуле", "Ләззат", "Аружан", "Қарлығаш", "Інкәр"];
    private static readonly string[] MalePatronymics = ["Серікұлы", "Болатұлы", "Қайратұлы", "Маратұлы", "Ерланұлы", "Асанұлы", "Нұрланұлы"];
    private static readonly string[] FemalePatronymics = ["Серікқызы", "Болатқызы", "Қайратқызы", "Маратқызы", "Ерланқызы", "Асанқызы", "Нұрланқызы"];

    /// <summary>Number of demo servants.</summary>
    public const int ServantCount = 42;

    /// <summary>Seeds the demo body when the database has no state body yet; otherwise does nothing.</summary>
    public async Task<DemoSeedResult> SeedAsync(DateOnly today, CancellationToken ct = default)
    {
        // The check inside the transaction: on SQLite the transaction takes the write lock first
        // (BEGIN IMMEDIATE), so a second instance starting on the same file waits for the first
        // one's seed and then finds the body instead of seeding it twice.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.StateBodies.AnyAsync(ct))
        {
            return new DemoSeedResult(false, null, 0);
        }

        var body = StateBody.Create(BodyCode, "Демонстрациялық мемлекеттік орган", "Демонстрационный государственный орган", "Demo state body").Value;
        db.StateBodies.Add(body);

        var units = new Dictionary<string, StructuralUnit>(StringComparer.Ordinal);
        var parents = new Dictionary<Guid, Guid?>();
        foreach (var (code, kk, ru, en, parent) in Units)
        {
            var unit = StructuralUnit.Create(body.Id, code, kk, ru, en, parent is null ? null : units[parent].Id, parents).Value;
            units[code] = unit;
            parents[unit.Id] = unit.ParentId;
            db.StructuralUnits.Add(unit);
        }

        var servants = new List<Servant>(ServantCount);
        var positions = new List<Position>(ServantCount);
        var supervisors = new List<int?>(ServantCount);
        for (var i = 0; i < ServantCount; i++)
        {
            string unitCode, category, kk, ru, en;
            PositionQualifier qualifier;
            int? supervisor;
            if (i < Heads.Length)
            {
                (unitCode, category, qualifier, kk, ru, en, supervisor) = Heads[i];
            }
            else
            {
                var staff = i - Heads.Length;
                (unitCode, supervisor) = StaffUnits[staff % StaffUnits.Length];
                category = StaffCategories[staff % StaffCategories.Length];
                qualifier = PositionQualifier.None;
                (kk, ru, en) = staff % 2 == 0
                    ? ("Бас сарапшы", "Главный эксперт", "Chief expert")
                    : ("Жетекші сарапшы", "Ведущий эксперт", "Leading expert");
            }

            var position = Position.Create(body.Id, "P-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), kk, ru, en, units[unitCode].Id, category, qualifier).Value;
            positions.Add(position);
            db.Positions.Add(position);
            servants.Add(NewServant(body.Id, i));
            supervisors.Add(supervisor);
        }

        // A vacant position that servant 9 held before their current one.
        var former = Position.Create(body.Id, "P-900", "Сарапшы", "Эксперт", "Expert", units["legal"].Id, "B-5", PositionQualifier.None).Value;
        db.Positions.Add(former);

        for (var i = 0; i < servants.Count; i++)
        {
            var servant = servants[i];
            db.Servants.Add(servant);
            var from = today.AddDays(-(120 + (i * 53 % 2900)));
            if (i % 10 == 7)
            {
                from = today.AddDays(-40 - i); // under three months in the position
            }

            if (i == 9)
            {
                Must(servant.Appoint(former.Id, from.AddDays(-700), from.AddDays(-1)));
            }

            if (i == ServantCount - 1)
            {
                from = today.AddDays(-60);
                Must(servant.AddProbation(from, today.AddDays(30)));
            }

            var to = i == ServantCount - 2 ? today.AddDays(-20) : (DateOnly?)null;
            Must(servant.Appoint(positions[i].Id, from, to));
            if (to is { } last)
            {
                Must(servant.Dismiss(last, "Өз қалауы бойынша"));
            }
        }

        AddAbsences(servants, today);
        Must(servants[20].AddSanction(SanctionKind.Remark, today.AddDays(-100), null, "Тапсырма мерзімін бұзғаны үшін"));
        Must(servants[21].AddSanction(SanctionKind.Reprimand, today.AddDays(-400), today.AddDays(-35), null));

        var structure = new ReportingStructure([]);
        for (var i = 0; i < servants.Count; i++)
        {
            if (supervisors[i] is { } s)
            {
                AddLine(body.Id, servants[i], ReportingLineKind.DirectSupervisor, servants[s], structure);
            }

            if (i != 0)
            {
                AddLine(body.Id, servants[i], ReportingLineKind.FirstHead, servants[0], structure);
                AddLine(body.Id, servants[i], ReportingLineKind.AuthorizedPerson, servants[0], structure);
            }
        }

        // An explicit superior that differs from the supervisor's supervisor.
        AddLine(body.Id, servants[10], ReportingLineKind.Superior, servants[1], structure);

        await db.SaveChangesAsync(ct);

        for (var a = 0; a < Accounts.Count; a++)
        {
            var account = Accounts[a];
            var servantId = AccountServants[a] is { } index ? servants[index].Id : (Guid?)null;
            var created = await accounts.CreateUserAsync(account.Email, account.Password, "kk", account.Roles.Select(r => (body.Id, r)).ToList(), servantId, ct);
            Must(created);
        }

        await transaction.CommitAsync(ct);
        return new DemoSeedResult(true, body.Id, servants.Count);
    }

    /// <summary>A valid IIN for demo servant <paramref name="index"/>: birth date, century/sex digit, serial, check digit.</summary>
    public static string DemoIin(int index)
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(index * 397 % 13000);
        var female = index % 3 == 1;
        var centuryDigit = (birth.Year >= 2000 ? 5 : 3) + (female ? 1 : 0);
        for (var serial = 1 + (index * 7); ; serial++)
        {
            var eleven = birth.ToString("yyMMdd", CultureInfo.InvariantCulture)
                + centuryDigit.ToString(CultureInfo.InvariantCulture)
                + (serial % 10000).ToString("D4", CultureInfo.InvariantCulture);
            if (IinRule.CheckDigit(eleven) is { } check)
            {
                return eleven + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static Servant NewServant(Guid bodyId, int i)
    {
        var female = i % 3 == 1;
        var name = female
            ? $"{FemaleSurnames[i % FemaleSurnames.Length]} {FemaleNames[i * 5 % FemaleNames.Length]} {FemalePatronymics[i % FemalePatronymics.Length]}"
            : $"{MaleSurnames[i % MaleSurnames.Length]} {MaleNames[i * 5 % MaleNames.Length]} {MalePatronymics[i % MalePatronymics.Length]}";
        var number = (i + 1).ToString("D2", CultureInfo.InvariantCulture);
        return Servant.Create(bodyId, DemoIin(i), name, $"servant{number}@bagalau.example", $"+7 701 000 00 {number}", i % 4 != 3).Value;
    }

    private static void AddAbsences(List<Servant> servants, DateOnly today)
    {
        Must(servants[10].AddAbsence(AbsenceKind.Leave, today.AddDays(-30), today.AddDays(-10)));
        Must(servants[11].AddAbsence(AbsenceKind.Sick, today.AddDays(-5), today.AddDays(2)));
        Must(servants[12].AddAbsence(AbsenceKind.Trip, today.AddDays(-3), today.AddDays(1)));
        Must(servants[13].AddAbsence(AbsenceKind.Training, today.AddDays(-60), today.AddDays(-50)));
        Must(servants[14].AddAbsence(AbsenceKind.SocialLeave, today.AddDays(-200), today.AddDays(300)));
        Must(servants[15].AddAbsence(AbsenceKind.Internship, today.AddDays(-90), today.AddDays(-60)));
        Must(servants[16].AddAbsence(AbsenceKind.UnpaidLeave, today.AddDays(-15), today.AddDays(-8)));
        Must(servants[3].AddAbsence(AbsenceKind.Leave, today.AddDays(20), today.AddDays(40)));
    }

    private void AddLine(Guid bodyId, Servant servant, ReportingLineKind kind, Servant supervisor, ReportingStructure structure)
    {
        var line = ReportingLine.Create(bodyId, servant.Id, kind, supervisor.Id, structure);
        Must(line);
        structure.Set(servant.Id, kind, supervisor.Id);
        db.ReportingLines.Add(line.Value);
    }

    // The demo data is fixed: a broken rule here is a bug in this file, not bad input.
    private static void Must(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo data breaks a rule: " + string.Join("; ", result.Errors));
        }
    }
}
