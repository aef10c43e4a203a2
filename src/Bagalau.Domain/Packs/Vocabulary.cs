namespace Bagalau.Domain.Packs;

/// <summary>The ids every pack and case shares (conformance.md, glossary.md), with their names in kk/ru/en.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Deadlines = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["plan-set"] = new("Жеке жұмыс жоспарында НМИ/ТНИ белгілеу (бағалау кезеңі басталғаннан кейін)", "Определение ЦИ в индивидуальном плане (после начала периода)", "KPIs set in the work plan (after the period starts)"),
        ["plan-resubmit"] = new("Түзетілген жеке жұмыс жоспарын қайта енгізу", "Повторное внесение исправленного плана", "Corrected plan resubmitted (after return)"),
        ["sheet-resubmit"] = new("Түзетілген бағалау парағын қайта енгізу", "Повторное внесение исправленного оценочного листа", "Corrected sheet resubmitted (after return)"),
        ["sheet-to-commission"] = new("Бағалау парағын Комиссияға ұсыну", "Представление оценочного листа в Комиссию", "Sheet submitted to the Commission (after signing)"),
        ["schedule-notice"] = new("Бағалауды жүргізетін тұлғаларды хабардар ету (бағалауға дейін)", "Уведомление оценивающих (до оценки)", "Evaluators notified (before the evaluation)"),
        ["acquaint"] = new("Бағалау нәтижелерімен таныстыру", "Ознакомление с результатами", "Servant acquainted with the results (after the evaluation)"),
        ["appeal"] = new("Комиссия шешіміне шағымдану", "Обжалование решения Комиссии", "Appeal against the Commission's decision"),
        ["evaluate-after-return"] = new("Жұмысқа қайта кіріскеннен кейін бағалау", "Оценка после выхода на работу", "Evaluation after return to work"),
        ["quarter-evaluation"] = new("Тоқсан қорытындысы бойынша бағалау", "Оценка по итогам квартала", "Quarterly evaluation (after the quarter)"),
        ["kti-notify"] = new("Бағалау жүргізілгені туралы хабардар ету (ТНИ)", "Уведомление о проведении оценки (КЦИ)", "Head notified of the KTI evaluation"),
        ["kti-actuals"] = new("ТНИ нақты мәндерін бағалаушы тұлғаға жіберу (бағалаудың соңғы күніне дейін)", "Направление фактических значений КЦИ оценивающему (до последнего дня оценки)", "KTI actual values sent to the evaluator (before the last evaluation day)"),
        ["survey-360"] = new("360 әдісі бойынша бағалау", "Оценка методом 360", "360 survey (after the year)"),
        ["annual-final"] = new("Қорытынды жылдық баға", "Итоговая годовая оценка", "Final annual score (after the year)"),
        ["calibration-request"] = new("Калибрлеу сессиясына өтініш беру", "Заявление на калибровочную сессию", "Calibration application (after acquaintance)"),
        ["calibration-decision"] = new("Калибрлеу сессиясы туралы шешім және құрамы", "Решение о калибровочной сессии и её состав", "Decision to hold calibration and its composition (after the application)"),
        ["calibration-session"] = new("Калибрлеу сессиясын өткізу", "Проведение калибровочной сессии", "Calibration session held (after the application)"),
        ["calibration-protocol"] = new("Хаттаманы ақпараттық жүйеге орналастыру", "Размещение протокола в информационной системе", "Protocol posted in the system (after signing)"),
        ["notify-dismissed"] = new("Жұмыстан босатылған адамдарды бағалау нәтижелерімен таныстыру (тоқсаннан кейін)", "Ознакомление уволенных с результатами оценки (после квартала)", "Dismissed persons notified of the results (after the quarter)"),
    };

    public static readonly IReadOnlyDictionary<string, LocalizedText> SanctionKinds = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["remark"] = new("ескерту", "замечание", "remark"),
        ["reprimand"] = new("сөгіс", "выговор", "reprimand"),
        ["severe-reprimand"] = new("қатаң сөгіс", "строгий выговор", "severe reprimand"),
        ["incomplete-compliance-warning"] = new("қызметке толық сәйкес еместігі туралы ескерту", "предупреждение о неполном служебном соответствии", "warning of incomplete official compliance"),
        ["demotion"] = new("лауазымын төмендету", "понижение в должности", "demotion"),
        ["dismissal"] = new("қызметтен босату", "увольнение", "dismissal"),
        ["other"] = new("жазаның өзге де түрлері", "иные виды взысканий", "other sanction"),
    };

    public static readonly IReadOnlySet<string> AbsenceKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "leave", "unpaid-leave", "sick", "trip", "internship", "training", "social-leave",
    };

    public static readonly IReadOnlySet<string> Qualifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "unit-head", "deputy-director", "division-head",
    };

    /// <summary>The decisions of conformance.md, in its order.</summary>
    public static readonly IReadOnlyList<string> Decisions =
    [
        "kpi-plan", "kpi-annual-grade", "competency-level", "quarter-score", "annual-score", "survey-360",
        "eligibility", "deadline", "working-days", "commission-decision", "calibration-check", "calibration-decision",
        "kpi-achieved", "evaluation-method", "annual-consequence",
    ];

    /// <summary>The rules a pack may have or lack, named in words for a not-in-pack refusal.</summary>
    private static readonly IReadOnlyDictionary<string, LocalizedText> Rules = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["kpi-plan"] = new("«жеке жұмыс жоспары (НМИ)»", "«индивидуальный план работы (ЦИ)»", "individual work plan (KPIs)"),
        ["kti-plan"] = new("«түйінді нысаналы индикаторлар (ТНИ)»", "«ключевые целевые индикаторы (КЦИ)»", "key target indicators (KTIs)"),
        ["kti-score"] = new("«ТНИ бойынша бағалау»", "«оценка по КЦИ»", "KTI score"),
        ["kpi-annual-grade"] = new("«НМИ бойынша жылдық баға»", "«годовая оценка по ЦИ»", "annual KPI grade"),
        ["kpi-achieved"] = new("«НМИ-ге қол жеткізу»", "«достижение ЦИ»", "KPI achievement"),
        ["competency-level"] = new("«құзыреттер бойынша бағалау»", "«оценка компетенций»", "competency assessment"),
        ["competencies"] = new("«құзыреттер тізімі»", "«перечень компетенций»", "list of competencies"),
        ["quarter-score"] = new("«тоқсандық бағалау парағы»", "«квартальный оценочный лист»", "quarterly rating sheet"),
        ["annual-score"] = new("«қорытынды жылдық баға»", "«итоговая годовая оценка»", "annual score"),
        ["survey-360"] = new("«360 әдісі бойынша бағалау»", "«оценка методом 360»", "360 survey"),
        ["eligibility"] = new("«кім бағаланады»", "«кто подлежит оценке»", "eligibility"),
        ["commission-decision"] = new("«бағалау комиссиясы»", "«оценочная комиссия»", "evaluation commission"),
        ["calibration-check"] = new("«калибрлеу сессиясының құрамы»", "«состав калибровочной сессии»", "calibration panel composition"),
        ["calibration-decision"] = new("«калибрлеу сессиясының шешімі»", "«решение калибровочной сессии»", "calibration decision"),
        ["evaluation-method"] = new("«бағалау әдісі мен бағалаушы»", "«метод оценки и оценивающий»", "evaluation method"),
        ["annual-consequence"] = new("«бағалау нәтижелерінің салдары»", "«последствия результатов оценки»", "consequences of results"),
        ["forms"] = new("«бағалау парақтары»", "«оценочные листы»", "rating forms"),
        ["designated-evaluator"] = new("«бағалаушы айқындайтын қызметшілер»", "«служащие, определяемые оценивающим»", "designated evaluators"),
        ["substitute-evaluator"] = new("«бағалаушыны алмастырушы адам»", "«лицо, замещающее оценивающего»", "substitute evaluator"),
    };

    /// <summary>A rule or deadline id named in words; an id the vocabulary lacks is quoted as it is.</summary>
    public static LocalizedText RuleName(string id) =>
        Rules.TryGetValue(id, out var name) ? name
        : Deadlines.TryGetValue(id, out var deadline) ? new LocalizedText($"«{deadline.Kk}»", $"«{deadline.Ru}»", deadline.En)
        : new LocalizedText($"«{id}»", $"«{id}»", id);
}
