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
    ];
}
