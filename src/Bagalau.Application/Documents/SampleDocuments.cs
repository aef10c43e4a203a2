using System.Globalization;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Application.Documents;

/// <summary>
/// A filled sample of every form, for methodologists checking the layout by eye
/// (`bagalau documents sample`) and for the benchmark. The samples take their texts (parameters,
/// guidance, competencies, indicators, grades) from the packs and their results from the
/// engine's decisions, exactly as the workflows do; only the people are invented.
/// </summary>
public static class SampleDocuments
{
    /// <summary>Every form id, in the order of the acts.</summary>
    public static IReadOnlyList<string> FormIds { get; } =
    [
        "work-plan", "kpi-sheet", "competency-sheet", "commission-protocol", "refusal-act",
        "rating-sheet-leader", "rating-sheet-non-leader", "rating-sheet-differentiation",
        "report-360", "feedback-form", "calibration-protocol",
    ];

    private static readonly LocalizedText AlmatyAkimat = new("Алматы қаласының әкімдігі", "Акимат города Алматы", "Almaty city akimat");
    private static readonly LocalizedText Nhrc = new("Адам құқықтары жөніндегі ұлттық орталық", "Национальный центр по правам человека", "National Centre for Human Rights");
    private static readonly LocalizedText OskemenApparatus = new("\"Өскемен қалалық мәслихатының аппараты\" мемлекеттік мекемесі", "ГУ «Аппарат Усть-Каменогорского городского маслихата»", "Oskemen city maslikhat apparatus");

    /// <summary>The sample of a form; null for an unknown id.</summary>
    public static FormDocument? Create(string formId, PackCatalogue packs) => formId switch
    {
        "work-plan" => WorkPlan(),
        "kpi-sheet" => KpiSheet(Version(packs, "almaty-akimat", 2022)),
        "competency-sheet" => CompetencySheet(Version(packs, "almaty-akimat", 2022)),
        "commission-protocol" => CommissionProtocol(Version(packs, "almaty-akimat", 2022)),
        "refusal-act" => RefusalAct(),
        "rating-sheet-leader" => RatingSheet(Version(packs, "nhrc", 2026), "leader", 0),
        "rating-sheet-non-leader" => RatingSheet(Version(packs, "nhrc", 2026), "non-leader", 0),
        "rating-sheet-differentiation" => RatingSheet(Version(packs, "oskemen-maslikhat", 2024), "non-leader", 0),
        "report-360" => Report360(Version(packs, "oskemen-maslikhat", 2024)),
        "feedback-form" => FeedbackForm(Version(packs, "nhrc", 2026)),
        "calibration-protocol" => CalibrationProtocol(Version(packs, "nhrc", 2026)),
        _ => null,
    };

    /// <summary>A rating sheet for the benchmark: the nhrc non-leader sheet with varied scores.</summary>
    public static RatingSheetDocument RatingSheet(PackCatalogue packs, int seed) =>
        RatingSheet(Version(packs, "nhrc", 2026), "non-leader", seed);

    private static PackVersion Version(PackCatalogue packs, string packId, int year) =>
        packs.Find(packId)?.VersionOn(new DateOnly(year, 6, 30))
        ?? throw new InvalidOperationException($"The built-in pack {packId} has no version in {year}.");

    /// <summary>The corner note of the Almaty akimat methodology's appendices.</summary>
    private static LocalizedText Appendix(int number) => new(
        $"Алматы қаласы әкімдігінің \"Б\" корпусы мемлекеттік\nәкімшілік қызметшілерінің\nқызметін бағалау әдістемесіне\n{number} қосымша",
        $"Приложение {number}\nк Методике оценки деятельности\nадминистративных государственных\nслужащих корпуса «Б» акимата города Алматы",
        $"Appendix {number} to the Almaty akimat methodology");

    private static WorkPlanDocument WorkPlan() => new(
        Appendix(1),
        new Approval(new LocalizedText("Жоғары тұрған басшы", "Вышестоящий руководитель", "Superior"), "Сейітов Б.Қ.", new DateOnly(2022, 1, 14)),
        2022,
        "Әбдірахманова Гүлнұр Ерланқызы",
        "Бас маман",
        "Цифрландыру бөлімі",
        [
            new("Мемлекеттік қызметтерді электрондық форматқа көшіру үлесі", "Әкімнің меморандумы, 3-көрсеткіш", "%", "85", new DateOnly(2022, 12, 1), "Азаматтардың әкімдікке келу саны азаяды"),
            new("Өтініштерді қарау мерзімін қысқарту", "Даму бағдарламасы, 2.1-мақсат", "жұмыс күні", "10", new DateOnly(2022, 10, 1), "Жауап беру жылдамдығы артады"),
            new("Ашық деректер жиынтықтарын жариялау", "Стратегиялық жоспар, 4.2", "жиынтық", "12", new DateOnly(2022, 11, 15), "Деректердің ашықтығы артады"),
            new("Қызметкерлерді цифрлық сауаттылыққа оқыту", "Әкімнің меморандумы, 7-көрсеткіш", "адам", "120", new DateOnly(2022, 9, 30), "Ішкі процестердің тиімділігі артады"),
            new("Ақпараттық жүйелердің қолжетімділігі", "Стратегиялық жоспар, 5.1", "%", "99,5", new DateOnly(2022, 12, 20), "Қызметтердің үзіліссіз жұмысы"),
        ],
        new SignedBy("Әбдірахманова Г.Е.", new DateOnly(2022, 1, 12)),
        new SignedBy("Нұрланов А.С.", new DateOnly(2022, 1, 12)));

    private static KpiSheetDocument KpiSheet(PackVersion version)
    {
        bool[] achieved = [true, true, false, true, true];
        var decided = KpiAnnualGradeDecision.Decide(version, achieved);
        var answer = decided.Answer ?? throw new InvalidOperationException(decided.Refusal!.ToString());
        var grade = version.Rules.KpiAnnualGrade!.Steps.First(s => s.Grade == answer.Grade).Title;
        string[] names = ["Мемлекеттік қызметтерді электрондық форматқа көшіру үлесі", "Өтініштерді қарау мерзімін қысқарту", "Ашық деректер жиынтықтарын жариялау", "Қызметкерлерді цифрлық сауаттылыққа оқыту", "Ақпараттық жүйелердің қолжетімділігі"];
        string[] units = ["%", "жұмыс күні", "жиынтық", "адам", "%"];
        string[] planned = ["85", "10", "12", "120", "99,5"];
        string[] actual = ["87", "9", "9", "131", "99,7"];
        return new KpiSheetDocument(
            Appendix(2),
            new Approval(new LocalizedText("Жоғары тұрған басшы", "Вышестоящий руководитель", "Superior"), "Сейітов Б.Қ.", new DateOnly(2022, 12, 28)),
            2022,
            "Әбдірахманова Гүлнұр Ерланқызы",
            "Цифрландыру бөлімінің бас маманы",
            [.. names.Select((n, i) => new KpiSheetLine(n, units[i], planned[i], actual[i], achieved[i]))],
            grade,
            decided.Provenance!.Clause ?? string.Empty,
            new SignedBy("Әбдірахманова Г.Е.", new DateOnly(2022, 12, 26)),
            new SignedBy("Нұрланов А.С.", new DateOnly(2022, 12, 26)));
    }

    private static CompetencySheetDocument CompetencySheet(PackVersion version)
    {
        var position = new Position("D-4", null);
        var lines = new List<CompetencyLine>();
        var skipped = new List<LocalizedText>();
        string clause = string.Empty;
        var meets = new LocalizedText("күтілетін нәтижеге сәйкес", "соответствует ожидаемому результату", "meets expectations");
        var fails = new LocalizedText("күтілетін нәтижеге сәйкес емес", "не соответствует ожидаемому результату", "does not meet expectations");
        foreach (var competency in version.Rules.Competencies!.Items)
        {
            var cell = version.Pack.Indicators!.Cell(competency.Id, version.Pack.Indicators.GroupOf(position)!.Value)!;
            // The evaluator observed every indicator but in two competencies (the last one; half of them).
            var count = competency.Id switch
            {
                "cooperation" => cell.Effective.Count - 1,
                "stress-resistance" => cell.Effective.Count / 2,
                _ => cell.Effective.Count,
            };
            var observed = Enumerable.Range(1, count).ToList();
            var decided = CompetencyLevelDecision.Decide(version, position, competency.Id, observed, providesPublicServices: false);
            var answer = decided.Answer ?? throw new InvalidOperationException(decided.Refusal!.ToString());
            clause = decided.Provenance!.Clause ?? clause;
            if (answer.Level == "not-assessed")
            {
                skipped.Add(competency.Title);
                continue;
            }

            var ok = answer.Level == "meets";
            lines.Add(new CompetencyLine(
                competency.Title,
                competency.PublicService,
                ok ? meets : fails,
                ok,
                [.. cell.Effective.Select((text, i) => new IndicatorMark(text, observed.Contains(i + 1)))],
                [.. answer.Unobserved.Select(n => cell.Effective[n - 1])]));
        }

        return new CompetencySheetDocument(
            Appendix(3),
            2022,
            "Әбдірахманова Гүлнұр Ерланқызы",
            "Бас маман (D-4)",
            "Цифрландыру бөлімі",
            lines,
            skipped,
            clause,
            new SignedBy("Әбдірахманова Г.Е.", new DateOnly(2022, 12, 27)),
            new SignedBy("Нұрланов А.С.", new DateOnly(2022, 12, 27)));
    }

    private static CommissionProtocolDocument CommissionProtocol(PackVersion version)
    {
        var protocol = version.Rules.Form("protocol")!;
        LocalizedText Grade(string id) => version.Rules.KpiAnnualGrade!.Steps.First(s => s.Grade == id).Title;
        LocalizedText Result(string id, string competencies) => new(
            $"НМИ: {Grade(id).Kk}; құзыреттер: {competencies}",
            $"ЦИ: {Grade(id).Ru}; компетенции: {competencies}",
            $"KPI: {Grade(id).En}; competencies: {competencies}");
        return new CommissionProtocolDocument(
            Appendix(5),
            new Approval(new LocalizedText("Лауазымды тұлға", "Должностное лицо", "Authorized person"), "Жақсыбеков Е.М.", new DateOnly(2023, 1, 20)),
            protocol.Title,
            AlmatyAkimat,
            null,
            2022,
            new DateOnly(2023, 1, 18),
            [
                new ProtocolLine("Әбдірахманова Гүлнұр Ерланқызы", Result("effective", "10/11"), null, null),
                new ProtocolLine("Ким Дмитрий Сергеевич", Result("satisfactory", "9/11"), Result("effective", "9/11"), "Цифрлық жобаларды басқару курсынан өту ұсынылады"),
                new ProtocolLine("Оспанов Мұрат Қайратұлы", Result("excellent", "11/11"), null, null),
            ],
            "Бағалау нәтижелері бекітуге ұсынылады",
            new SignedBy("Серікова А.Т.", new DateOnly(2023, 1, 18)),
            new SignedBy("Төлеуов Н.Б.", new DateOnly(2023, 1, 18)),
            [new SignedBy("Мұхамеджанов Р.А.", new DateOnly(2023, 1, 18)), new SignedBy("Ли О.В.", new DateOnly(2023, 1, 18)), new SignedBy("Жұмабаева С.Қ.", new DateOnly(2023, 1, 18))]);
    }

    private static RefusalActDocument RefusalAct() => new(
        AlmatyAkimat,
        "Алматы қ.",
        new DateOnly(2023, 1, 25),
        "Ким Дмитрий Сергеевич",
        "Ақпараттық технологиялар бөлімінің жетекші маманы",
        new LocalizedText("2022 жылғы қызметін бағалау нәтижелері", "результаты оценки деятельности за 2022 год", "the 2022 evaluation results"),
        new DateOnly(2023, 1, 23),
        null,
        "41",
        new SignedWithPosition("Серікова А.Т.", "персоналды басқару қызметінің бас маманы", new DateOnly(2023, 1, 25)),
        new SignedWithPosition("Ли О.В.", "қаржы бөлімінің бас маманы", new DateOnly(2023, 1, 25)),
        new SignedWithPosition("Жұмабаева С.Қ.", "заң бөлімінің жетекші маманы", new DateOnly(2023, 1, 25)));

    private static RatingSheetDocument RatingSheet(PackVersion version, string formId, int seed)
    {
        var form = version.Rules.Form(formId)!;
        var year = version.EffectiveFrom.Year < 2026 ? 2024 : 2026;
        var quarter = Period.OfQuarter(year, 2);
        var random = new Random(seed);
        decimal[] fixedScores = [4.5m, 4m, 4.5m, 5m, 3.5m];
        var scores = form.Parameters
            .Select((p, i) => (p.Id, Score: seed == 0 ? fixedScores[i % fixedScores.Length] : random.Next(0, 501) / 100m))
            .ToDictionary(x => x.Id, x => x.Score);
        IReadOnlyList<Sanction> sanctions = seed == 0 && version.Rules.SanctionCaps is not null ? [new Sanction("reprimand", new DateOnly(year, 5, 14))] : [];
        var decided = QuarterScoreDecision.Decide(version, formId, quarter, scores, sanctions);
        var answer = decided.Answer ?? throw new InvalidOperationException(decided.Refusal!.ToString());
        var cap = version.Rules.SanctionCaps;
        var capReason = answer.CappedBy is { } kind
            ? new LocalizedText(
                $"{year} жылғы 14 мамырда сөгіс жарияланды: баға {Score(cap!.Caps.First(c => c.Kinds.Contains(kind)).Max)} баллдан аспайды (5-параметр)",
                $"14 мая {year} года объявлен выговор: оценка не выше {Score(cap!.Caps.First(c => c.Kinds.Contains(kind)).Max)} балла (параметр 5)",
                $"Reprimand of 14 May {year}: the score is capped (parameter 5)")
            : null;
        var grade = version.Rules.GradeBands!.Bands.First(b => b.Grade == answer.Grade).Title;
        var differentiation = version.Pack.Id != "nhrc";
        var body = differentiation ? OskemenApparatus : Nhrc;
        return new RatingSheetDocument(
            differentiation ? RatingSheetForm.Differentiation : formId == "leader" ? RatingSheetForm.Leader : RatingSheetForm.NonLeader,
            differentiation ? null : new LocalizedText(
                $"Адам құқықтары жөніндегі\nұлттық орталықтың және оның\nөкілдіктерінің \"Б\" корпусы\nмемлекеттік әкімшілік\nқызметшілерінің қызметін\nбағалаудың әдістемесіне\n{(formId == "leader" ? 1 : 2)}-қосымша",
                $"Приложение {(formId == "leader" ? 1 : 2)}\nк Методике оценки деятельности\nадминистративных государственных\nслужащих корпуса «Б» НЦПЧ",
                $"Appendix {(formId == "leader" ? 1 : 2)}"),
            form.Title,
            $"Тоқтарова Айгерім Маратқызы, {(formId == "leader" ? "бөлім басшысы" : "бас маман")}, {body.Kk}",
            year,
            2,
            $"Бекенов Ерлан Асқарұлы, {(formId == "leader" ? "Хатшылық меңгерушісі" : "бөлім басшысы")}, {body.Kk}",
            [.. form.Parameters.Select(p => new RatedParameter(p.Title, p.GuidanceKk, Capped(p.Id, scores[p.Id], cap, answer), p.Id == "no-sanctions" && answer.CappedBy is not null ? "Сөгіс, 14.05." + year.ToString(CultureInfo.InvariantCulture) : null))],
            answer.Average,
            answer.Score,
            capReason,
            grade,
            decided.Provenance!.Clause + ", " + version.Rules.GradeBands.Clause,
            new DateOnly(year, 7, 8));
    }

    /// <summary>The score shown for a parameter: the capped one for the sanctions parameter, as the decision applied it.</summary>
    private static decimal Capped(string parameter, decimal entered, SanctionCaps? caps, QuarterScoreAnswer answer) =>
        caps is { AppliesTo: CapTarget.Parameter } && answer.CappedBy is { } kind && caps.Parameter == parameter
            ? Math.Min(entered, caps.Caps.First(c => c.Kinds.Contains(kind)).Max)
            : entered;

    private static string Score(decimal value) => value.ToString("0.00", CultureInfo.GetCultureInfo("kk-KZ"));

    private static Report360Document Report360(PackVersion version)
    {
        var rule = version.Rules.Survey360!;
        var surveyed = rule.CompetenciesByRole["head"];
        string[] from = ["supervisor", "peer", "peer", "subordinate", "subordinate"];
        var random = new Random(360);
        var responses = from.Select(f => new SurveyResponse(f, surveyed.ToDictionary(c => c, _ => (decimal)random.Next(2, 6)))).ToList();
        var decided = Survey360Decision.Decide(version, "head", responses);
        var answer = decided.Answer ?? throw new InvalidOperationException(decided.Refusal!.ToString());
        LocalizedText Title(string id) => rule.Competencies.First(c => c.Id == id).Title;
        return new Report360Document(
            OskemenApparatus,
            2024,
            "Жанұзақов Тимур Болатұлы",
            "Ұйымдастыру бөлімінің басшысы",
            answer.Respondents,
            [.. answer.Competencies.Select(c => new CompetencyAverage(Title(c.Key), c.Value))],
            answer.Overall,
            [.. answer.Weakest.Select(Title)],
            decided.Provenance!.Clause ?? rule.Clause,
            new SignedBy("Қасымова Д.Н.", new DateOnly(2025, 1, 9)));
    }

    private static FeedbackFormDocument FeedbackForm(PackVersion version) => new(
        Nhrc,
        "Тоқтарова Айгерім Маратқызы",
        "бас маман",
        "Бекенов Ерлан Асқарұлы",
        "бөлім басшысы",
        2026,
        null,
        new DateOnly(2027, 1, 22),
        version.Rules.GradeBands!.Bands[0].Title,
        [
            // Clause 23 of the nhrc act: the three topics of the feedback meeting (Kazakh verbatim).
            new FeedbackTopic(new LocalizedText("бағаланатын кезеңдегі жетістіктеріне шолу", "обзор достижений за оцениваемый период", "achievements of the period"), "Жылдық жоспардың барлық міндеттері мерзімінде орындалды."),
            new FeedbackTopic(new LocalizedText("машықтар мен құзыреттердің дамуына шолу", "обзор развития навыков и компетенций", "development of skills and competencies"), "Талдау және жобаларды басқару дағдылары дамыды."),
            new FeedbackTopic(new LocalizedText("қызметкердің әлеуетін шолу және мансаптық мақсатын талқылау", "обзор потенциала работника и обсуждение карьерных целей", "potential and career goals"), "Сектор меңгерушісі лауазымына резервке ұсыну қарастырылады."),
        ],
        "Басшылық дағдылары бойынша оқыту курсына жіберу.",
        "23",
        new SignedBy("Бекенов Е.А.", new DateOnly(2027, 1, 22)),
        new SignedBy("Тоқтарова А.М.", new DateOnly(2027, 1, 22)));

    private static CalibrationProtocolDocument CalibrationProtocol(PackVersion version)
    {
        var bands = version.Rules.GradeBands!.Bands;
        return new CalibrationProtocolDocument(
            Nhrc,
            2026,
            null,
            new DateOnly(2027, 1, 28),
            [
                new CalibrationMember("Әлиев Қ.С.", "Басшының орынбасары", CalibrationRole.Chair),
                new CalibrationMember("Бекенов Е.А.", "бөлім басшысы", CalibrationRole.Member),
                new CalibrationMember("Сәрсенова Ж.Т.", "персоналды басқару қызметінің басшысы", CalibrationRole.Member),
                new CalibrationMember("Ахметов Д.Р.", "бөлім басшысы", CalibrationRole.Member),
                new CalibrationMember("Иманова Л.К.", "бас маман", CalibrationRole.Secretary),
            ],
            [
                new CalibrationLine("Тоқтарова Айгерім Маратқызы", "бас маман", bands[1].Title, 3.95m, 3, 1, bands[0].Title, "Жылдың екінші жартысында жобаларды мерзімінен бұрын орындады"),
                new CalibrationLine("Сейітқали Нұрбек Ержанұлы", "жетекші маман", bands[2].Title, 3.10m, 1, 3, bands[2].Title, "Баға өзгеріссіз қалдырылды"),
            ],
            version.Rules.Calibration?.DecisionClause ?? "22");
    }
}
