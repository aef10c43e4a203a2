using Bagalau.Application.Documents.Layout;
using Bagalau.Domain.Packs;
using static Bagalau.Application.Documents.Blocks;

namespace Bagalau.Application.Documents;

// Forms of the quarterly-2023 family. The nhrc rating sheets follow the act's Appendices 1 and 2
// (Kazakh texts verbatim); the oskemen sheet, the 360 report, the feedback form and the
// calibration protocol are model-methodology appendices that are not in the seeds, so their
// layout is ours, with the acts' words where the acts have them.

/// <summary>Which rating sheet: nhrc Appendix 1 (leader), Appendix 2 (non-leader), or oskemen's differentiation sheet.</summary>
public enum RatingSheetForm
{
    Leader,
    NonLeader,
    Differentiation,
}

/// <summary>A parameter of the rating sheet with the evaluator's score and comment.</summary>
/// <param name="Title">The parameter's title from the pack.</param>
/// <param name="GuidanceKk">The act's "taken into account" guidance, Kazakh verbatim (null when the act has none).</param>
/// <param name="Score">0-5 as entered (after the sanction cap), or null when not yet scored.</param>
public sealed record RatedParameter(LocalizedText Title, string? GuidanceKk, decimal? Score, string? Comment);

/// <summary>The quarterly rating sheet with the engine's average, cap reason and grade.</summary>
/// <param name="Title">The pack's form title ("Басшы лауазымды атқаратын адамның бағалау парағы"...).</param>
/// <param name="EvaluatedPerson">Name and position with the state body, as the form asks.</param>
/// <param name="Evaluator">Evaluator's name and position with the state body.</param>
/// <param name="Average">The mean of the parameters' scores, as the decision computed it.</param>
/// <param name="Score">The quarter's score after any sanction cap (equals the average when none applies).</param>
/// <param name="CapReason">Why the score was capped (sanction kind, date, clause), or null.</param>
/// <param name="Grade">The grade band the engine decided, with <paramref name="GradeClause"/>.</param>
public sealed record RatingSheetDocument(
    RatingSheetForm Form,
    LocalizedText? Appendix,
    LocalizedText Title,
    string EvaluatedPerson,
    int Year,
    int Quarter,
    string Evaluator,
    IReadOnlyList<RatedParameter> Parameters,
    decimal? Average,
    decimal? Score,
    LocalizedText? CapReason,
    LocalizedText? Grade,
    string GradeClause,
    DateOnly? SignedOn) : FormDocument
{
    public override string FormId => Form switch
    {
        RatingSheetForm.Leader => "rating-sheet-leader",
        RatingSheetForm.NonLeader => "rating-sheet-non-leader",
        _ => "rating-sheet-differentiation",
    };

    internal override DocumentLayout ToLayout(FormText t)
    {
        var nhrc = Form != RatingSheetForm.Differentiation;
        var blocks = new List<LayoutBlock>
        {
            Corner(t, Appendix),
            new HeadingBlock(t.Of(Title)),
            new ParagraphBlock(EvaluatedPerson, Align: TextAlign.Center),
            new ParagraphBlock(t.T("(Бағаланатын адамның Т.А.Ә., мемлекеттік органды көрсете отырып лауазымы)", "(Ф.И.О. оцениваемого лица, должность с указанием государственного органа)"), Align: TextAlign.Center, Small: true),
            new ParagraphBlock(t.Quarter(Year, Quarter), Align: TextAlign.Center),
            new ParagraphBlock(t.T("(Бағаланатын кезең)", "(Оцениваемый период)"), Align: TextAlign.Center, Small: true),
            new ParagraphBlock(Evaluator, Align: TextAlign.Center),
            new ParagraphBlock(t.T("(Бағалайтын қызметшінің Т.А.Ә., мемлекеттік органды көрсете отырып лауазымы)", "(Ф.И.О. оценивающего служащего, должность с указанием государственного органа)"), Align: TextAlign.Center, Small: true),
        };
        if (nhrc)
        {
            // The nhrc forms open with the survey's instructions (Appendices 1 and 2).
            blocks.Add(new ParagraphBlock(t.T(
                "\"Б\" корпусы мемлекеттік әкімшілік қызметшілерінің қызметін бағалау (бұдан әрі " + (Form == RatingSheetForm.Leader ? "–" : "-") + " бағалау) мақсатында Сізге өз әріптестеріңізді 5 баллдық шкала бойынша бағалауды ұсынамыз.",
                "В целях оценки деятельности административных государственных служащих корпуса «Б» (далее – оценка) предлагаем Вам оценить своих коллег по 5-балльной шкале.")));
            blocks.Add(new ParagraphBlock(t.T("Бағаларды объективті түрде, жеке ұнатуларсыз/ұнатпауларсыз қою керек.", "Оценки следует ставить объективно, без личных симпатий/антипатий.")));
            blocks.Add(new ParagraphBlock(t.T("Сауалнаманы басынан аяғына дейін алаңдамай толтыру қажет.", "Анкету необходимо заполнить от начала до конца, не отвлекаясь.")));
            blocks.Add(new ParagraphBlock(t.T("Осылайша, Сіз уақытты үнемдей аласыз және нәтижелердің дұрыстылығын арттыра аласыз.", "Так Вы сэкономите время и повысите достоверность результатов.")));
        }

        var rows = Parameters
            .Select((p, i) => Row(
                t.Count(i + 1) + ". " + t.Of(p.Title),
                p.Score is { } s ? t.Score(s) : string.Empty,
                p.Comment ?? string.Empty,
                p.GuidanceKk ?? string.Empty))
            .ToList();
        var average = Average is { } a ? t.Score(a) : string.Empty;
        if (Score is { } capped && capped != Average)
        {
            average += " → " + t.Score(capped);
        }

        rows.Add(new LayoutRow([t.T("Орташа қорытынды баға", "Средняя итоговая оценка"), average, string.Empty, string.Empty], Bold: true));
        blocks.Add(new TableBlock(
            [
                Col(t.T("Параметрлер", "Параметры"), 3f),
                Col(t.T(Form == RatingSheetForm.NonLeader ? "Бағалау (0*-ден 5 баллға дейін)" : "Бағалау (0-ден* 5 балға дейін)", "Оценка (от 0* до 5 баллов)"), 1.2f, TextAlign.Center),
                Col(t.T("Түсініктеме (қалау бойынша)", "Комментарий (по желанию)"), 2f),
                Col(t.T("Толтыру кезінде түсініктеме", "Пояснение при заполнении (текст акта на казахском языке)"), 4.5f),
            ],
            rows));
        blocks.Add(new ParagraphBlock(t.T(
            "Ескертпе: Орташа қорытынды бағаны есептеу үшін қойылған бағалар сомасын бағаланатын параметрлер санына бөлу керек.",
            "Примечание: для расчёта средней итоговой оценки сумма выставленных оценок делится на количество оцениваемых параметров."), Small: true));
        blocks.Add(new ParagraphBlock(t.T(
            "* Бағалаудың 0 баллы қызметші бағалау параметрін толық орындамаған жағдайда қойылады.",
            "* Оценка 0 баллов ставится, если служащий полностью не выполнил параметр оценки."), Small: true));
        if (CapReason is not null)
        {
            blocks.Add(new FieldBlock(t.T("Бағаны шектеу себебі", "Причина ограничения оценки"), t.Of(CapReason)));
        }

        blocks.Add(new FieldBlock(t.T("Бағалау нәтижесі", "Результат оценки"), Grade is null ? null : t.Of(Grade)));
        blocks.Add(new ParagraphBlock(t.T(
            "(функционалдық міндеттерін тиімді атқарады, функционалдық міндеттерін тиісті түрде атқарады, функционалдық міндеттерін қанағаттанарлық түрде атқарады, функционалдық міндеттерін қанағаттанарлықсыз түрде атқарады). Қызметшінің бағалау нәтижесі орташа қорытынды бағаның негізінде қойылады.",
            "(эффективно исполняет функциональные обязанности, надлежащим образом исполняет функциональные обязанности, удовлетворительно исполняет функциональные обязанности, неудовлетворительно исполняет функциональные обязанности). Результат оценки служащего выставляется на основании средней итоговой оценки."), Small: true));
        blocks.Add(new ParagraphBlock(t.Basis(GradeClause), Small: true));
        blocks.Add(new SignatureBlock(
        [
            new Signatory(
                t.T("Бағалаушы адам", "Оценивающее лицо"),
                Evaluator,
                t.T("электрондық цифрлық қолтаңба арқылы куәләндырылған", "удостоверено электронной цифровой подписью"),
                t.DateLabel,
                t.Date(SignedOn),
                t.SignatureLabel),
        ]));
        return new DocumentLayout(t.Of(Title), PageOrientation.Landscape, blocks, t.Footer, t.PageLabel);
    }
}

/// <summary>A competency's average over the 360 answers.</summary>
public sealed record CompetencyAverage(LocalizedText Competency, decimal Average);

/// <summary>
/// The 360 individual report of a servant: averages per competency, how many answered and the
/// weakest competencies. It has no field for respondents: their identities never reach the report.
/// </summary>
/// <param name="Weakest">The least visible competencies, as the engine decided.</param>
public sealed record Report360Document(
    LocalizedText BodyName,
    int Year,
    string ServantName,
    string Position,
    int RespondentsCount,
    IReadOnlyList<CompetencyAverage> Averages,
    decimal? OverallAverage,
    IReadOnlyList<LocalizedText> Weakest,
    string Clause,
    SignedBy HrService) : FormDocument
{
    public override string FormId => "report-360";

    internal override DocumentLayout ToLayout(FormText t)
    {
        var rows = Averages.Select((a, i) => Row(t.Count(i + 1), t.Of(a.Competency), t.Score(a.Average))).ToList();
        if (OverallAverage is { } overall)
        {
            rows.Add(new LayoutRow([string.Empty, t.T("Жалпы орташа баға", "Общая средняя оценка"), t.Score(overall)], Bold: true));
        }

        return new DocumentLayout(
            t.T("360 әдісі бойынша жеке есеп", "Индивидуальный отчёт по методу 360"),
            PageOrientation.Portrait,
            [
                new ParagraphBlock(t.Of(BodyName), Bold: true, Align: TextAlign.Center),
                new HeadingBlock(t.T("360 әдісі бойынша бағалау нәтижелері туралы жеке есеп", "Индивидуальный отчёт о результатах оценки по методу 360")),
                new ParagraphBlock(t.Year(Year), Align: TextAlign.Center),
                new FieldBlock(t.T("Бағаланатын қызметші", "Оцениваемый служащий"), ServantName),
                new FieldBlock(t.T("Лауазымы", "Должность"), Position),
                new FieldBlock(t.T("Сауалнамаға жауап бергендер саны", "Число ответивших респондентов"), t.Count(RespondentsCount)),
                new TableBlock(
                    [
                        Col(t.T("№ р/с", "№ п/п"), 0.6f, TextAlign.Center),
                        Col(t.T("Құзырет", "Компетенция"), 5f),
                        Col(t.T("Орташа баға", "Средняя оценка"), 1.5f, TextAlign.Center),
                    ],
                    rows),
                new FieldBlock(t.T("Ең аз көрінетін құзыреттер", "Наименее проявленные компетенции"), string.Join("; ", Weakest.Select(t.Of))),
                new ParagraphBlock(t.T(
                    "Респонденттердің жеке басы есепте көрсетілмейді: есепте тек орташа бағалар мен жауап бергендер саны беріледі.",
                    "Личность респондентов в отчёте не раскрывается: приводятся только средние оценки и число ответивших."), Small: true),
                new ParagraphBlock(t.Basis(Clause), Small: true),
                new SignatureBlock([Sign(t, t.T("Персоналды басқару қызметі", "Служба управления персоналом"), HrService)]),
            ],
            t.Footer,
            t.PageLabel);
    }
}

/// <summary>A topic of the feedback meeting with what was said.</summary>
public sealed record FeedbackTopic(LocalizedText Topic, string? Notes);

/// <summary>The feedback form: the evaluator's meeting with the servant on the final result.</summary>
public sealed record FeedbackFormDocument(
    LocalizedText BodyName,
    string ServantName,
    string ServantPosition,
    string EvaluatorName,
    string EvaluatorPosition,
    int Year,
    int? Quarter,
    DateOnly? MeetingDate,
    LocalizedText? FinalGrade,
    IReadOnlyList<FeedbackTopic> Topics,
    string? AgreedActions,
    string Clause,
    SignedBy Evaluator,
    SignedBy Servant) : FormDocument
{
    public override string FormId => "feedback-form";

    internal override DocumentLayout ToLayout(FormText t) => new(
        t.T("Кері байланыс нысаны", "Форма обратной связи"),
        PageOrientation.Portrait,
        [
            new ParagraphBlock(t.Of(BodyName), Bold: true, Align: TextAlign.Center),
            new HeadingBlock(t.T("Бағалау нәтижелері бойынша кері байланыс нысаны", "Форма обратной связи по результатам оценки")),
            new FieldBlock(t.T("Бағаланатын кезең", "Оцениваемый период"), Quarter is { } q ? t.Quarter(Year, q) : t.Year(Year)),
            new FieldBlock(t.T("Қызметші", "Служащий"), ServantName + ", " + ServantPosition),
            new FieldBlock(t.T("Бағалаушы адам", "Оценивающее лицо"), EvaluatorName + ", " + EvaluatorPosition),
            new FieldBlock(t.T("Кездесу күні", "Дата встречи"), t.Date(MeetingDate)),
            new FieldBlock(t.T("Қорытынды бағалау нәтижесі", "Итоговый результат оценки"), FinalGrade is null ? null : t.Of(FinalGrade)),
            new TableBlock(
                [
                    Col(t.T("№ р/с", "№ п/п"), 0.6f, TextAlign.Center),
                    Col(t.T("Талқыланған мәселе", "Обсуждённый вопрос"), 3f),
                    Col(t.T("Түйіндер", "Итоги обсуждения"), 5f),
                ],
                [.. Topics.Select((x, i) => Row(t.Count(i + 1), t.Of(x.Topic), x.Notes ?? string.Empty))]),
            new FieldBlock(t.T("Келісілген іс-шаралар", "Согласованные действия"), AgreedActions),
            new ParagraphBlock(t.Basis(Clause), Small: true),
            new SignatureBlock([Sign(t, t.T("Бағалаушы адам", "Оценивающее лицо"), Evaluator), Sign(t, t.T("Қызметші", "Служащий"), Servant)]),
        ],
        t.Footer,
        t.PageLabel);
}

public enum CalibrationRole
{
    Chair,
    Member,
    Secretary,
}

/// <summary>A participant of the calibration session.</summary>
public sealed record CalibrationMember(string Name, string Position, CalibrationRole Role);

/// <summary>A servant's line: the grade before calibration, the vote, the final grade and why.</summary>
public sealed record CalibrationLine(
    string ServantName,
    string Position,
    LocalizedText GradeBefore,
    decimal? ScoreBefore,
    int VotesFor,
    int VotesAgainst,
    LocalizedText FinalGrade,
    string? Reason);

/// <summary>The calibration session protocol: the final grade by the members' majority vote.</summary>
public sealed record CalibrationProtocolDocument(
    LocalizedText BodyName,
    int Year,
    int? Quarter,
    DateOnly SessionDate,
    IReadOnlyList<CalibrationMember> Members,
    IReadOnlyList<CalibrationLine> Lines,
    string Clause) : FormDocument
{
    public override string FormId => "calibration-protocol";

    internal override DocumentLayout ToLayout(FormText t)
    {
        string RoleName(CalibrationRole role) => role switch
        {
            CalibrationRole.Chair => t.T("Калибрлеу сессиясының төрағасы", "Председатель калибровочной сессии"),
            CalibrationRole.Secretary => t.T("Хатшы", "Секретарь"),
            _ => t.T("Калибрлеу сессиясының мүшесі", "Член калибровочной сессии"),
        };

        return new DocumentLayout(
            t.T("Калибрлеу сессиясының хаттамасы", "Протокол калибровочной сессии"),
            PageOrientation.Landscape,
            [
                new ParagraphBlock(t.Of(BodyName), Bold: true, Align: TextAlign.Center),
                new HeadingBlock(t.T("Калибрлеу сессиясының хаттамасы", "Протокол калибровочной сессии")),
                new FieldBlock(t.T("Бағаланатын кезең", "Оцениваемый период"), Quarter is { } q ? t.Quarter(Year, q) : t.Year(Year)),
                new FieldBlock(t.T("Сессия күні", "Дата сессии"), t.Date(SessionDate)),
                new FieldBlock(t.T("Қатысқандар", "Присутствовали"), string.Join("; ", Members.Select(m => $"{m.Name} ({m.Position}) – {RoleName(m.Role)}"))),
                new TableBlock(
                    [
                        Col(t.T("№ р/с", "№ п/п"), 0.6f, TextAlign.Center),
                        Col(t.T("Қызметшінің Т.А.Ә., лауазымы", "Ф.И.О., должность служащего"), 3f),
                        Col(t.T("Калибрлеуге дейінгі баға", "Оценка до калибровки"), 2f, TextAlign.Center),
                        Col(t.T("Дауыс беру (жақтап / қарсы)", "Голосование (за / против)"), 1.5f, TextAlign.Center),
                        Col(t.T("Қорытынды баға", "Итоговая оценка"), 2f, TextAlign.Center),
                        Col(t.T("Негіздеме", "Обоснование"), 3.5f),
                    ],
                    [.. Lines.Select((l, i) => Row(
                        t.Count(i + 1),
                        l.ServantName + ", " + l.Position,
                        t.Of(l.GradeBefore) + (l.ScoreBefore is { } s ? " (" + t.Score(s) + ")" : string.Empty),
                        t.Count(l.VotesFor) + " / " + t.Count(l.VotesAgainst),
                        t.Of(l.FinalGrade),
                        l.Reason ?? string.Empty))]),
                new ParagraphBlock(t.T(
                    "Қызметшіге қорытынды баға калибрлеу сессиясы мүшелерінің басым дауысымен қабылданады және тиісті хаттамамен рәсімделеді.",
                    "Итоговая оценка служащему принимается большинством голосов членов калибровочной сессии и оформляется соответствующим протоколом.") + " " + t.Basis(Clause), Small: true),
                new SignatureBlock([.. Members.Select(m => Sign(t, RoleName(m.Role), new SignedWithPosition(m.Name, m.Position, null)))]),
            ],
            t.Footer,
            t.PageLabel);
    }
}
