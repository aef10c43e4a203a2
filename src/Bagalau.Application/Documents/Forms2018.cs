using Bagalau.Application.Documents.Layout;
using Bagalau.Domain.Packs;
using static Bagalau.Application.Documents.Blocks;

namespace Bagalau.Application.Documents;

// Forms of the kpi-competency-2018 family. Kazakh labels are the act's own (Almaty akimat
// methodology, appendices 1, 2, 3 and 5; mdai and sjc use the same forms); Russian is ours.

/// <summary>One KPI line of the individual work plan (Appendix 1).</summary>
public sealed record PlanKpiLine(string Name, string Source, string Unit, string Planned, DateOnly Due, string KeyResult);

/// <summary>Appendix 1: the individual work plan of a servant for a year.</summary>
/// <param name="Appendix">The corner note naming the methodology's appendix, from the pack.</param>
/// <param name="Approval">The superior or first head who approves, per the pack.</param>
public sealed record WorkPlanDocument(
    LocalizedText? Appendix,
    Approval Approval,
    int Year,
    string ServantName,
    string Position,
    string UnitName,
    IReadOnlyList<PlanKpiLine> Kpis,
    SignedBy Servant,
    SignedBy DirectSupervisor) : FormDocument
{
    public override string FormId => "work-plan";

    internal override DocumentLayout ToLayout(FormText t) => new(
        t.T("Жеке жұмыс жоспары", "Индивидуальный план работы"),
        PageOrientation.Landscape,
        [
            Corner(t, Appendix),
            Blocks.Approval(t, Approval),
            new HeadingBlock(t.T("\"Б\" корпусы мемлекеттік әкімшілік қызметшісінің жеке жұмыс жоспары", "Индивидуальный план работы административного государственного служащего корпуса «Б»")),
            new ParagraphBlock(t.Year(Year), Bold: true, Align: TextAlign.Center),
            new ParagraphBlock(t.T("(жеке жоспар құрастырылатын кезең)", "(период, на который составляется индивидуальный план)"), Align: TextAlign.Center, Small: true),
            new FieldBlock(t.T("Қызметшінің (тегі, аты, әкесінің аты (болған жағдайда))", "Фамилия, имя, отчество (при наличии) служащего"), ServantName),
            new FieldBlock(t.T("Қызметшінің лауазымы", "Должность служащего"), Position),
            new FieldBlock(t.T("Қызметшінің құрылымдық бөлімшесінің атауы", "Наименование структурного подразделения служащего"), UnitName),
            new TableBlock(
                [
                    Col(t.T("р/с", "№ п/п"), 0.5f, TextAlign.Center),
                    Col(t.T("НМИ атауы", "Наименование ЦИ"), 3f),
                    Col(t.T("Саяси мемлекеттік қызметшінің немесе \"А\" корпусы қызметшісі келісімінің қай көрсеткішінен немесе мемлекеттік жоспарлау жүйесінің құжатынан түйінделеді", "Из какого показателя меморандума политического служащего, соглашения служащего корпуса «А» или документа системы государственного планирования вытекает"), 3f),
                    Col(t.T("Өлшем бірлігі", "Единица измерения"), 1.2f, TextAlign.Center),
                    Col(t.T("Жоспарлы мәні", "Плановое значение"), 1.2f, TextAlign.Center),
                    Col(t.T("Қол жеткізу мерзімдері", "Сроки достижения"), 1.3f, TextAlign.Center),
                    Col(t.T("Түйінді нәтиже*", "Ключевой результат*"), 2.5f),
                ],
                [.. Kpis.Select((k, i) => Row(t.Count(i + 1), k.Name, k.Source, k.Unit, k.Planned, t.Date(k.Due)!, k.KeyResult))]),
            new ParagraphBlock(t.T("* Нысаналы мақсатты индикаторға қол жеткізуден күтілетін оң өзгерістер", "* Ожидаемые положительные изменения от достижения целевого индикатора"), Small: true),
            new SignatureBlock([Sign(t, t.T("Қызметші", "Служащий"), Servant), Sign(t, t.T("Тікелей басшы", "Непосредственный руководитель"), DirectSupervisor)]),
        ],
        t.Footer,
        t.PageLabel);
}

/// <summary>One KPI line of the KPI evaluation sheet (Appendix 2).</summary>
public sealed record KpiSheetLine(string Name, string Unit, string Planned, string Actual, bool Achieved);

/// <summary>Appendix 2: the KPI evaluation sheet with the engine's grade and its clause.</summary>
/// <param name="Grade">The grade the engine decided (pack title: тиімді, өте жақсы...).</param>
/// <param name="GradeClause">The clause of that decision, printed under the result.</param>
public sealed record KpiSheetDocument(
    LocalizedText? Appendix,
    Approval Approval,
    int Year,
    string ServantName,
    string Position,
    IReadOnlyList<KpiSheetLine> Kpis,
    LocalizedText Grade,
    string GradeClause,
    SignedBy Servant,
    SignedBy DirectSupervisor) : FormDocument
{
    public override string FormId => "kpi-sheet";

    internal override DocumentLayout ToLayout(FormText t) => new(
        t.T("НМИ бойынша бағалау парағы", "Оценочный лист по ЦИ"),
        PageOrientation.Portrait,
        [
            Corner(t, Appendix),
            Blocks.Approval(t, Approval),
            new HeadingBlock(t.T("НМИ бойынша бағалау парағы", "Оценочный лист по целевым индикаторам (ЦИ)")),
            new ParagraphBlock(ServantName + ", " + Position, Align: TextAlign.Center),
            new ParagraphBlock(t.T("(Т.А.Ә., бағаланатын тұлғаның лауазымы)", "(Ф.И.О., должность оцениваемого лица)"), Align: TextAlign.Center, Small: true),
            new ParagraphBlock(t.Year(Year), Align: TextAlign.Center),
            new ParagraphBlock(t.T("(бағаланатын кезең)", "(оцениваемый период)"), Align: TextAlign.Center, Small: true),
            new TableBlock(
                [
                    Col(t.T("р/с", "№ п/п"), 0.6f, TextAlign.Center),
                    Col(t.T("НМИ атауы", "Наименование ЦИ"), 3.5f),
                    Col(t.T("Өлшем бірлігі", "Единица измерения"), 1.3f, TextAlign.Center),
                    Col(t.T("Жоспарлы мәні", "Плановое значение"), 1.3f, TextAlign.Center),
                    Col(t.T("Нақты мәні", "Фактическое значение"), 1.3f, TextAlign.Center),
                    Col(t.T("Көрсеткішке қол жетті/ Көрсеткішке қол жетпеді", "Показатель достигнут / не достигнут"), 2f, TextAlign.Center),
                ],
                [.. Kpis.Select((k, i) => Row(t.Count(i + 1), k.Name, k.Unit, k.Planned, k.Actual, k.Achieved ? t.T("Көрсеткішке қол жетті", "Показатель достигнут") : t.T("Көрсеткішке қол жетпеді", "Показатель не достигнут")))]),
            new FieldBlock(t.T("Бағалау нәтижесі", "Результат оценки"), t.Of(Grade)),
            new ParagraphBlock(t.T("(қанағаттанарлықсыз, қанағаттанарлық, тиімді, өте жақсы)", "(неудовлетворительно, удовлетворительно, эффективно, отлично)"), Small: true),
            new ParagraphBlock(t.Basis(GradeClause), Small: true),
            new SignatureBlock([Sign(t, t.T("Қызметші", "Служащий"), Servant), Sign(t, t.T("Тікелей басшы", "Непосредственный руководитель"), DirectSupervisor)]),
        ],
        t.Footer,
        t.PageLabel);
}

/// <summary>A behavioural indicator (Kazakh verbatim from the pack) and whether the evaluator observed it.</summary>
public sealed record IndicatorMark(string Text, bool Observed);

/// <summary>A competency's result on the sheet, as the engine's 3/4 rule decided it.</summary>
/// <param name="Level">"күтілетін нәтижеге сәйкес" / "... сәйкес емес", from the decision.</param>
/// <param name="Unobserved">Indicators the decision lists as not observed (printed when the level does not meet).</param>
public sealed record CompetencyLine(
    LocalizedText Title,
    bool PublicService,
    LocalizedText Level,
    bool Meets,
    IReadOnlyList<IndicatorMark> Indicators,
    IReadOnlyList<string> Unobserved);

/// <summary>Appendix 3: the competency evaluation sheet.</summary>
/// <param name="NotEvaluated">Public-service competencies skipped for a servant who provides no public services.</param>
public sealed record CompetencySheetDocument(
    LocalizedText? Appendix,
    int Year,
    string ServantName,
    string Position,
    string UnitName,
    IReadOnlyList<CompetencyLine> Competencies,
    IReadOnlyList<LocalizedText> NotEvaluated,
    string LevelClause,
    SignedBy Servant,
    SignedBy DirectSupervisor) : FormDocument
{
    public override string FormId => "competency-sheet";

    internal override DocumentLayout ToLayout(FormText t)
    {
        var rows = new List<LayoutRow>();
        foreach (var c in Competencies)
        {
            rows.Add(Row(
                t.Count(rows.Count + 1),
                t.Of(c.Title) + (c.PublicService ? "*" : string.Empty),
                t.Of(c.Level),
                c.Meets ? string.Empty : string.Join("\n", c.Unobserved.Select(u => "- " + u))));
        }

        foreach (var skipped in NotEvaluated)
        {
            rows.Add(Row(t.Count(rows.Count + 1), t.Of(skipped) + "*", t.T("бағаланбайды*", "не оценивается*"), string.Empty));
        }

        var marks = Competencies
            .SelectMany(c => c.Indicators.Select((m, i) => Row(
                i == 0 ? t.Of(c.Title) : string.Empty,
                m.Text,
                m.Observed ? t.T("байқалды", "проявлен") : t.T("байқалмады", "не проявлен"))))
            .ToList();

        return new DocumentLayout(
            t.T("Құзыреттер бойынша бағалау парағы", "Оценочный лист по компетенциям"),
            PageOrientation.Portrait,
            [
                Corner(t, Appendix),
                new HeadingBlock(t.T("Құзыреттер бойынша бағалау парағы", "Оценочный лист по компетенциям")),
                new ParagraphBlock(t.Year(Year).ToUpperInvariant(), Bold: true, Align: TextAlign.Center),
                new ParagraphBlock(t.T("(бағаланатын жыл)", "(оцениваемый год)"), Align: TextAlign.Center, Small: true),
                new FieldBlock(t.T("Бағаланатын қызметшінің (тегі, аты, әкесінің аты (болған жағдайда)", "Фамилия, имя, отчество (при наличии) оцениваемого служащего"), ServantName),
                new FieldBlock(t.T("Бағаланатын қызметшінің лауазымы", "Должность оцениваемого служащего"), Position),
                new FieldBlock(t.T("Бағаланатын қызметшінің құрылымдық бөлімшесінің атауы", "Наименование структурного подразделения оцениваемого служащего"), UnitName),
                new TableBlock(
                    [
                        Col(t.T("№ р/с", "№ п/п"), 0.6f, TextAlign.Center),
                        Col(t.T("Құзыреттер атауы", "Наименование компетенций"), 2.2f),
                        Col(t.T("Бағалау нәтижелері ( күтілетін нәтижеге сәйкес/күтілетін нәтижеге сәйкес емес)", "Результаты оценки (соответствует / не соответствует ожидаемому результату)"), 2.2f, TextAlign.Center),
                        Col(t.T("Қызметшіде байқамаған мінез-құлық индикатор атауы (күтілетін нәтижеге сәйкес емес бағасын алған жағдайда)", "Поведенческие индикаторы, не проявленные служащим (при оценке «не соответствует ожидаемому результату»)"), 4f),
                    ],
                    rows),
                new ParagraphBlock(t.T("*Лауазымдық міндеттеріне мемлекеттік қызмет көрсету мәселелері жатпайтын \"Б\" корпусының мемлекеттік қызметшілері \"Қызметті тұтынушыға бағдарлану\" және \"Қызметті тұтынушыларды хабарландыру\" құзыреттері бойынша бағаланбайды.", "*Государственные служащие корпуса «Б», в должностные обязанности которых не входят вопросы оказания государственных услуг, не оцениваются по компетенциям «Ориентация на потребителя услуг» и «Информирование потребителей услуг»."), Small: true),
                new ParagraphBlock(t.Basis(LevelClause), Small: true),
                new SignatureBlock([Sign(t, t.T("Қызметші", "Служащий"), Servant), Sign(t, t.T("Тікелей басшы", "Непосредственный руководитель"), DirectSupervisor)]),
                new HeadingBlock(t.T("Мінез-құлық индикаторлары бойынша белгілер", "Отметки по поведенческим индикаторам")),
                new TableBlock(
                    [
                        Col(t.T("Құзырет", "Компетенция"), 1.6f),
                        Col(t.T("Мінез-құлық индикаторы", "Поведенческий индикатор (текст акта на казахском языке)"), 5f),
                        Col(t.T("Белгі", "Отметка"), 1.2f, TextAlign.Center),
                    ],
                    marks),
            ],
            t.Footer,
            t.PageLabel);
    }
}

/// <summary>One servant's line of the commission protocol (Appendix 5).</summary>
/// <param name="Result">The results as evaluated (KPI grade, competencies), from the decisions.</param>
/// <param name="Correction">The commission's corrected result when it revised it, else null.</param>
public sealed record ProtocolLine(string ServantName, LocalizedText Result, LocalizedText? Correction, string? Recommendations);

/// <summary>Appendix 5: the protocol of the evaluation commission's sitting.</summary>
/// <param name="Title">The pack's title of the protocol (the act's Kazakh title).</param>
/// <param name="BodyName">The state body.</param>
/// <param name="WorkingBody">The commission's working body (e.g. SJC's Administrative Department), or null.</param>
public sealed record CommissionProtocolDocument(
    LocalizedText? Appendix,
    Approval Approval,
    LocalizedText Title,
    LocalizedText BodyName,
    LocalizedText? WorkingBody,
    int Year,
    DateOnly SittingDate,
    IReadOnlyList<ProtocolLine> Lines,
    string? Conclusion,
    SignedBy Secretary,
    SignedBy Chair,
    IReadOnlyList<SignedBy> Members) : FormDocument
{
    public override string FormId => "commission-protocol";

    internal override DocumentLayout ToLayout(FormText t)
    {
        var blocks = new List<LayoutBlock>
        {
            Corner(t, Appendix),
            Blocks.Approval(t, Approval),
            new HeadingBlock(t.Of(Title)),
            new ParagraphBlock(t.Of(BodyName), Align: TextAlign.Center),
            new ParagraphBlock(t.T("(мемлекеттік органның атауы)", "(наименование государственного органа)"), Align: TextAlign.Center, Small: true),
            new ParagraphBlock(t.Year(Year) + ". " + t.T("Бағалау нәтижелері", "Результаты оценки"), Bold: true, Align: TextAlign.Center),
            new FieldBlock(t.T("Отырыс күні", "Дата заседания"), t.Date(SittingDate)),
        };
        if (WorkingBody is not null)
        {
            blocks.Add(new FieldBlock(t.T("Жұмыс органы", "Рабочий орган"), t.Of(WorkingBody)));
        }

        blocks.Add(new TableBlock(
            [
                Col(t.T("№ р/с", "№ п/п"), 0.6f, TextAlign.Center),
                Col(t.T("Қызметшілердің тегі, аты, әкесінің аты (болған жағдайда)", "Фамилия, имя, отчество (при наличии) служащих"), 2.5f),
                Col(t.T("Бағалау нәтижелері туралы мәлімет", "Сведения о результатах оценки"), 2.5f),
                Col(t.T("Бағалау нәтижелері комиссиямен түзетілуі (бар болған жағдайда)", "Корректировка результатов оценки Комиссией (при наличии)"), 2.5f),
                Col(t.T("Комиссияның ұсыныстары", "Рекомендации Комиссии"), 3f),
            ],
            [.. Lines.Select((l, i) => Row(t.Count(i + 1) + ".", l.ServantName, t.Of(l.Result), l.Correction is null ? string.Empty : t.Of(l.Correction), l.Recommendations ?? string.Empty))]));
        blocks.Add(new FieldBlock(t.T("Комиссия қорытындысы", "Заключение Комиссии"), Conclusion));
        blocks.Add(new ParagraphBlock(t.T("Тексерілді:", "Проверено:"), Bold: true));
        var signatures = new List<Signatory>
        {
            Sign(t, t.T("Комиссияның хатшысы", "Секретарь Комиссии"), Secretary, fullName: true),
            Sign(t, t.T("Комиссияның төрағасы", "Председатель Комиссии"), Chair, fullName: true),
        };
        signatures.AddRange(Members.Select(m => Sign(t, t.T("Комиссияның мүшесі", "Член Комиссии"), m, fullName: true)));
        blocks.Add(new SignatureBlock(signatures));
        return new DocumentLayout(t.Of(Title), PageOrientation.Landscape, blocks, t.Footer, t.PageLabel);
    }
}

/// <summary>
/// The refusal act (free form, clause 41 of the 2018 acts): the servant refused to acknowledge the
/// results; signed by the HR service and two other employees of the body.
/// </summary>
/// <param name="Results">What was presented, e.g. "2025 жылғы қызметін бағалау нәтижелері".</param>
/// <param name="Clause">The pack's clause on acquaintance and refusal.</param>
public sealed record RefusalActDocument(
    LocalizedText BodyName,
    string Place,
    DateOnly Date,
    string ServantName,
    string ServantPosition,
    LocalizedText Results,
    DateOnly PresentedOn,
    string? ServantStatement,
    string Clause,
    SignedWithPosition HrService,
    SignedWithPosition FirstWitness,
    SignedWithPosition SecondWitness) : FormDocument
{
    public override string FormId => "refusal-act";

    internal override DocumentLayout ToLayout(FormText t)
    {
        var presented = t.Date(PresentedOn);
        var blocks = new List<LayoutBlock>
        {
            new ParagraphBlock(t.Of(BodyName), Bold: true, Align: TextAlign.Center),
            new HeadingBlock(t.T("Бағалау нәтижелерімен танысудан бас тарту туралы акт", "Акт об отказе от ознакомления с результатами оценки")),
            new ParagraphBlock(Place + ", " + t.Date(Date), Align: TextAlign.Right),
            new ParagraphBlock(t.T(
                $"Біз, төменде қол қоюшылар, {presented} \"Б\" корпусының қызметшісі {ServantName} ({ServantPosition}) бағалау нәтижелерімен ({t.Of(Results)}) жазбаша түрде таныстыруға ұсынылғанын және қызметшінің танысудан бас тартқанын растаймыз.",
                $"Мы, нижеподписавшиеся, подтверждаем, что {presented} служащему корпуса «Б» {ServantName} ({ServantPosition}) было предложено в письменной форме ознакомиться с результатами оценки ({t.Of(Results)}) и служащий отказался от ознакомления.")),
        };
        if (!string.IsNullOrWhiteSpace(ServantStatement))
        {
            blocks.Add(new FieldBlock(t.T("Қызметшінің түсініктемесі", "Пояснение служащего"), ServantStatement));
        }

        blocks.Add(new ParagraphBlock(t.T(
            $"Танысудан бас тарту бағалау нәтижелерін қызметшінің қызметтік тізіміне енгізуге кедергі болмайды (Әдістеменің {Clause}-тармағы).",
            $"Отказ от ознакомления не препятствует внесению результатов оценки в послужной список служащего (пункт {Clause} Методики).")));
        blocks.Add(new SignatureBlock(
        [
            Sign(t, t.T("Персоналды басқару қызметі", "Служба управления персоналом"), HrService),
            Sign(t, t.T("Мемлекеттік органның қызметшісі", "Служащий государственного органа"), FirstWitness),
            Sign(t, t.T("Мемлекеттік органның қызметшісі", "Служащий государственного органа"), SecondWitness),
        ]));
        return new DocumentLayout(t.T("Танысудан бас тарту туралы акт", "Акт об отказе от ознакомления"), PageOrientation.Portrait, blocks, t.Footer, t.PageLabel);
    }
}
