using System.Globalization;
using System.Text;
using Bagalau.Application.Import;
using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Demo;

/// <summary>One generated state body: its code, names, size and kind of body.</summary>
public sealed record GeneratedBody(string Code, string NameKk, string NameRu, string NameEn, int Servants, BodyFamily Family, int FirstServant);

/// <summary>
/// Kinds of body, each with its own category prefix (category register): central apparatus (B),
/// central departments and committees (C), their territorial bodies (C-O), regional akimats
/// (D, D-O) and district akimats (E, E-O). Together they cover the categories of both families of packs.
/// </summary>
public enum BodyFamily
{
    CentralApparatus,
    Committee,
    TerritorialBody,
    RegionalAkimat,
    DistrictAkimat,
}

/// <summary>
/// A deterministic, realistic national dataset: bodies of 20 to 5,000 servants summing
/// to the requested number, a unit tree per body, one position per servant with the category
/// mix of the body's kind, valid and nationally unique IINs, direct supervisors along the unit
/// tree, appointments, probations of recent appointees, absences and sanctions of the year.
/// Each body is produced as the CSV files an HR officer would import (docs/import-format.md),
/// so the dataset is written through the import path. The same arguments always give the same bytes.
/// </summary>
public sealed class NationalDataset
{
    public const int MinBodySize = 20;
    public const int MaxBodySize = 5000;

    private static readonly string[] MaleSurnames = ["Әбенов", "Серікбаев", "Нұрланов", "Қасымов", "Жұмабеков", "Оспанов", "Төлеуов", "Ахметов", "Сейітов", "Бекболатов", "Мұқанов", "Ержанов", "Иванов", "Ким", "Смағұлов", "Байжанов"];
    private static readonly string[] FemaleSurnames = ["Әбенова", "Серікбаева", "Нұрланова", "Қасымова", "Жұмабекова", "Оспанова", "Төлеуова", "Ахметова", "Сейітова", "Бекболатова", "Мұқанова", "Ержанова", "Иванова", "Ким", "Смағұлова", "Байжанова"];
    private static readonly string[] MaleNames = ["Асқар", "Ерлан", "Данияр", "Нұрсұлтан", "Бауыржан", "Ғалым", "Мұрат", "Ержан", "Айдос", "Тимур", "Серік", "Арман", "Дмитрий"];
    private static readonly string[] FemaleNames = ["Айгүл", "Гүлнар", "Динара", "Жанар", "Әсел", "Мадина", "Сәуле", "Ләззат", "Аружан", "Қарлығаш", "Інкәр", "Анна", "Жансая"];
    private static readonly string[] MalePatronymics = ["Серікұлы", "Болатұлы", "Қайратұлы", "Маратұлы", "Ерланұлы", "Асанұлы", "Нұрланұлы"];
    private static readonly string[] FemalePatronymics = ["Серікқызы", "Болатқызы", "Қайратқызы", "Маратқызы", "Ерланқызы", "Асанқызы", "Нұрланқызы"];

    private static readonly (string Kk, string Ru, string En)[] BodyNames =
    [
        ("Министрлігінің аппараты", "Аппарат министерства", "Ministry apparatus"),
        ("Комитеті", "Комитет", "Committee"),
        ("Департаменті", "Департамент", "Territorial department"),
        ("Облыс әкімінің аппараты", "Аппарат акима области", "Regional akimat"),
        ("Аудан әкімінің аппараты", "Аппарат акима района", "District akimat"),
    ];

    private readonly int _seed;
    private readonly int _year;

    public NationalDataset(int servants, int bodies, int seed, int year)
    {
        _seed = seed;
        _year = year;
        Bodies = Plan(servants, bodies, seed);
    }

    /// <summary>The bodies of the dataset, in order.</summary>
    public IReadOnlyList<GeneratedBody> Bodies { get; }

    public int Year => _year;

    /// <summary>Null when the sizes can be met, else why not.</summary>
    public static string? Check(int servants, int bodies)
    {
        if (servants < 1 || bodies < 1)
        {
            return "--servants and --bodies must be positive";
        }

        return (long)bodies * MinBodySize > servants
            ? string.Create(CultureInfo.InvariantCulture, $"{bodies} bodies of at least {MinBodySize} servants need at least {bodies * MinBodySize} servants")
            : null;
    }

    // Body sizes: log-uniform between the bounds (few large bodies, many small), scaled to the total.
    private static List<GeneratedBody> Plan(int servants, int bodies, int seed)
    {
        if (Check(servants, bodies) is { } error)
        {
            throw new ArgumentException(error);
        }

        var random = new Random(seed);
        var weights = Enumerable.Range(0, bodies)
            .Select(_ => Math.Exp(Math.Log(MinBodySize) + (random.NextDouble() * (Math.Log(MaxBodySize) - Math.Log(MinBodySize)))))
            .ToArray();
        // Scale the weights so the sizes, kept within the bounds, add up to the total (bisection on the scale).
        double low = 0, high = (double)servants / weights.Min() + MaxBodySize;
        for (var step = 0; step < 100; step++)
        {
            var middle = (low + high) / 2;
            if (Sizes(weights, middle).Sum(s => (long)s) > servants)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        var sizes = Sizes(weights, low);
        var rest = servants - sizes.Sum();

        // What rounding left: one servant more for bodies still under the upper bound (all of them when every body is full).
        for (var i = 0; rest > 0; i = (i + 1) % bodies)
        {
            if (sizes[i] < MaxBodySize || sizes.All(s => s >= MaxBodySize))
            {
                sizes[i]++;
                rest--;
            }
        }

        var result = new List<GeneratedBody>(bodies);
        var first = 0;
        for (var i = 0; i < bodies; i++)
        {
            var family = (BodyFamily)(i % 5);
            var (kk, ru, en) = BodyNames[(int)family];
            var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
            result.Add(new GeneratedBody("gen-" + number, $"№{number} {kk}", $"{ru} №{number}", $"{en} No. {number}", sizes[i], family, first));
            first += sizes[i];
        }

        return result;
    }

    private static int[] Sizes(double[] weights, double scale) =>
        weights.Select(w => (int)Math.Clamp(w * scale, MinBodySize, MaxBodySize)).ToArray();

    /// <summary>The CSV files of one body (UTF-8), in the order of <see cref="ImportFormat.Kinds"/>.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Files(GeneratedBody body)
    {
        var random = new Random(HashCode.Combine(_seed, body.FirstServant));
        var n = body.Servants;
        var unitCount = Math.Max(1, n / 25);
        var yearStart = new DateOnly(_year, 1, 1);
        var (top, head, division, staff) = Categories(body.Family);

        var units = Table(ImportKind.Units);
        for (var u = 0; u < unitCount; u++)
        {
            var parent = u == 0 ? string.Empty : UnitCode((u - 1) / 4);
            var code = UnitCode(u);
            var (kk, ru, en) = u == 0
                ? ("Басшылық", "Руководство", "Management")
                : ($"{u}-бөлім", $"Отдел {u}", $"Division {u}");
            units.Row(code, parent, kk, ru, en);
        }

        var positions = Table(ImportKind.Positions);
        var servants = Table(ImportKind.Servants);
        var appointments = Table(ImportKind.Appointments);
        var probations = Table(ImportKind.Probations);
        var absences = Table(ImportKind.Absences);
        var sanctions = Table(ImportKind.Sanctions);
        var lines = Table(ImportKind.ReportingLines);
        var iins = new string[n];
        for (var i = 0; i < n; i++)
        {
            var female = random.Next(2) == 0;
            iins[i] = Iin(body.FirstServant + i, female);
        }

        for (var i = 0; i < n; i++)
        {
            // The first servant of each unit heads it; the others are spread over the units.
            var unit = i < unitCount ? i : random.Next(unitCount);
            var isHead = i < unitCount;
            var (category, qualifier, kk, ru, en) = i == 0
                ? (top, "unit-head", "Басшы", "Руководитель", "Head")
                : isHead
                    ? (unit <= 4 ? head : division, unit <= 4 ? "unit-head" : "division-head", "Бөлім басшысы", "Руководитель отдела", "Head of division")
                    : (staff[random.Next(staff.Length)], string.Empty, "Бас сарапшы", "Главный эксперт", "Chief expert");
            var positionCode = "P" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
            positions.Row(positionCode, UnitCode(unit), kk, ru, en, category, qualifier);

            var female = iins[i][6] is '4' or '6';
            var name = female
                ? $"{FemaleSurnames[random.Next(FemaleSurnames.Length)]} {FemaleNames[random.Next(FemaleNames.Length)]} {FemalePatronymics[random.Next(FemalePatronymics.Length)]}"
                : $"{MaleSurnames[random.Next(MaleSurnames.Length)]} {MaleNames[random.Next(MaleNames.Length)]} {MalePatronymics[random.Next(MalePatronymics.Length)]}";
            var email = string.Create(CultureInfo.InvariantCulture, $"s{body.FirstServant + i}@{body.Code}.gov.kz");
            var phone = string.Create(CultureInfo.InvariantCulture, $"+7701{(body.FirstServant + i) % 10_000_000:D7}");
            servants.Row(iins[i], name, email, phone, random.Next(10) < 3 ? "yes" : "no");

            // Most were appointed years ago; one in twenty during the year, on probation for three months.
            var recent = !isHead && random.Next(20) == 0;
            var appointed = recent ? yearStart.AddDays(random.Next(270)) : yearStart.AddDays(-30 - random.Next(3650));
            appointments.Row(iins[i], positionCode, Iso(appointed), string.Empty);
            if (recent)
            {
                probations.Row(iins[i], Iso(appointed), Iso(appointed.AddMonths(3).AddDays(-1)));
            }

            var leaveStart = yearStart.AddDays(random.Next(330));
            if (random.Next(3) == 0)
            {
                absences.Row(iins[i], "leave", Iso(leaveStart), Iso(leaveStart.AddDays(23)));
            }

            if (random.Next(12) == 0)
            {
                var sick = yearStart.AddDays(random.Next(355));
                absences.Row(iins[i], "sick", Iso(sick), Iso(sick.AddDays(3 + random.Next(8))));
            }

            if (random.Next(25) == 0)
            {
                var trip = yearStart.AddDays(random.Next(355));
                absences.Row(iins[i], "trip", Iso(trip), Iso(trip.AddDays(2 + random.Next(4))));
            }

            if (random.Next(60) == 0)
            {
                var applied = yearStart.AddDays(random.Next(300));
                var kind = random.Next(4) switch { 0 => "reprimand", 1 => "severe-reprimand", _ => "remark" };
                sanctions.Row(iins[i], kind, Iso(applied), random.Next(3) == 0 ? Iso(applied.AddMonths(6)) : string.Empty, "Тәртіптік жаза");
            }

            // Direct supervisor: the head of the servant's unit, or for a head, the head of the parent unit.
            int? supervisor = isHead ? (unit == 0 ? null : (unit - 1) / 4) : unit;
            if (supervisor is { } s)
            {
                lines.Row(iins[i], "direct-supervisor", iins[s]);
            }
        }

        return new[] { units, positions, servants, appointments, probations, absences, sanctions, lines }
            .Where(t => t.Rows > 0)
            .Select(t => (ImportFormat.Id(t.Kind) + ".csv", t.Bytes()))
            .ToList();
    }

    private static (string Top, string Head, string Division, string[] Staff) Categories(BodyFamily family) => family switch
    {
        BodyFamily.CentralApparatus => ("B-1", "B-2", "B-3", ["B-4", "B-5", "B-5", "B-6"]),
        BodyFamily.Committee => ("C-1", "C-2", "C-3", ["C-4", "C-4", "C-5", "C-6"]),
        BodyFamily.TerritorialBody => ("C-O-1", "C-O-2", "C-O-3", ["C-O-4", "C-O-5", "C-O-6"]),
        BodyFamily.RegionalAkimat => ("D-1", "D-O-2", "D-O-3", ["D-O-4", "D-O-5", "D-O-6", "D-4"]),
        _ => ("E-1", "E-2", "E-O-3", ["E-O-4", "E-O-5", "E-3", "E-4"]),
    };

    private static string UnitCode(int u) => "U" + u.ToString("D4", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A valid IIN unique across the dataset: servant k gets birth day k mod 14,000 from 1965 and
    /// serial 9,000 + k div 14,000 (a serial whose check digit does not exist is moved down by
    /// 5,000). The demo body's serials stay under 1,000, so a dataset imported beside it never
    /// repeats a demo servant's IIN.
    /// </summary>
    internal static string Iin(int k, bool female)
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(k % 14_000);
        var century = birth.Year >= 2000 ? (female ? 6 : 5) : (female ? 4 : 3);
        var serial = 9000 + (k / 14_000);
        foreach (var candidate in new[] { serial, serial - 5000 })
        {
            var eleven = string.Create(CultureInfo.InvariantCulture, $"{birth:yyMMdd}{century}{candidate:D4}");
            if (IinRule.CheckDigit(eleven) is { } check)
            {
                return eleven + check.ToString(CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("No IIN serial with a check digit (cannot happen for two serials 5,000 apart).");
    }

    private static CsvTable Table(ImportKind kind) => new(kind);

    /// <summary>One CSV file being written: header of the kind's columns, RFC 4180 quoting.</summary>
    private sealed class CsvTable
    {
        private readonly StringBuilder _text = new();

        public CsvTable(ImportKind kind)
        {
            Kind = kind;
            Line(ImportFormat.Columns(kind).Select(c => c.Name).ToArray());
        }

        public ImportKind Kind { get; }

        public int Rows { get; private set; }

        public void Row(params string[] cells)
        {
            Line(cells);
            Rows++;
        }

        public byte[] Bytes() => new UTF8Encoding(false).GetBytes(_text.ToString());

        private void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    _text.Append(',');
                }

                var cell = cells[i];
                if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                {
                    _text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                }
                else
                {
                    _text.Append(cell);
                }
            }

            _text.Append("\r\n");
        }
    }
}
