using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Workflow;

// The pieces refusals are built from. Kept as data in kk/ru/en (not composed from English ids)
// so that no id or English word reaches a person reading Kazakh or Russian.

/// <summary>What a person tried to do, as the object of "only ... may" and "cannot ... now".</summary>
public static class Actions
{
    public static readonly LocalizedText Open = new("ашу", "открыть", "open this");
    public static readonly LocalizedText Approve = new("бекіту", "утвердить", "approve");
    public static readonly LocalizedText Close = new("жабу", "закрыть", "close");
    public static readonly LocalizedText Edit = new("өзгерту", "изменить", "change");
    public static readonly LocalizedText Submit = new("жіберу", "отправить", "submit");
    public static readonly LocalizedText Return = new("қайтару", "вернуть", "return");
    public static readonly LocalizedText Agree = new("келісу", "согласовать", "agree");
    public static readonly LocalizedText Fill = new("толтыру", "заполнить", "fill in");
    public static readonly LocalizedText Sign = new("қол қою", "подписать", "sign");
    public static readonly LocalizedText Vote = new("дауыс беру", "голосовать", "vote");
    public static readonly LocalizedText Complete = new("орындалды деп белгілеу", "отметить выполненной", "mark as done");
    public static readonly LocalizedText Assign = new("орындаушыны тағайындау", "назначить исполнителя", "assign");
    public static readonly LocalizedText OpenCycle = new("бағалау циклін ашу", "открыть цикл оценки", "open an evaluation cycle");
    public static readonly LocalizedText DrawUpPlan = new("жұмыс жоспарын жасау", "составить рабочий план", "draw up the work plan");
    public static readonly LocalizedText RecordNote = new("тоқсандық мониторингті жазу", "записать квартальный мониторинг", "record the quarterly monitoring");
    public static readonly LocalizedText AttachFact = new("растайтын файлды тіркеу", "приложить подтверждающий файл", "attach a supporting file");
    public static readonly LocalizedText RemoveFact = new("растайтын файлды алып тастау", "удалить подтверждающий файл", "remove a supporting file");
    public static readonly LocalizedText SendToCommission = new("Комиссияға жіберу", "направить в Комиссию", "send to the Commission");
    public static readonly LocalizedText TickIndicator = new("индикаторды белгілеу", "отметить индикатор", "tick an indicator");
    public static readonly LocalizedText SetCommission = new("Комиссия құрамын белгілеу", "утвердить состав Комиссии", "set the Commission's members");
    public static readonly LocalizedText DraftSchedule = new("Комиссия отырыстарының кестесін жасау", "составить график заседаний Комиссии", "draw up the Commission's schedule");
    public static readonly LocalizedText OpenSitting = new("Комиссия отырысын ашу", "открыть заседание Комиссии", "open a sitting of the Commission");
    public static readonly LocalizedText MarkPresent = new("қатысуды белгілеу", "отметить присутствие", "mark attendance");
    public static readonly LocalizedText RecordDecision = new("қызметші бойынша шешімді тіркеу", "записать решение по служащему", "record the decision on a servant");
    public static readonly LocalizedText DrawProtocol = new("хаттаманы жасау", "составить протокол", "draw up the protocol");
    public static readonly LocalizedText ApproveProtocol = new("хаттаманы бекіту", "утвердить протокол", "approve the protocol");
    public static readonly LocalizedText ApproveResults = new("нәтижелерді бекіту", "утвердить результаты", "approve the results");
    public static readonly LocalizedText FileAppeal = new("шағым беру", "подать жалобу", "file an appeal");
    public static readonly LocalizedText RecordAppealOutcome = new("шағымның нәтижесін тіркеу", "записать итог жалобы", "record the appeal's outcome");
    public static readonly LocalizedText Acknowledge = new("нәтижемен танысу", "ознакомиться с результатом", "acknowledge the result");
    public static readonly LocalizedText RecordRefusalAct = new("танысудан бас тарту актісін тіркеу", "записать акт об отказе от ознакомления", "record the act of refusal");
    public static readonly LocalizedText Notify = new("нәтиже туралы хабарлауды тіркеу", "записать уведомление о результате", "record the notification of the result");
    public static readonly LocalizedText ScheduleQuarter = new("тоқсандық бағалауды жоспарлау", "запланировать квартальную оценку", "schedule the quarter");
    public static readonly LocalizedText CloseQuarter = new("тоқсанды жабу", "закрыть квартал", "close the quarter");
    public static readonly LocalizedText SeeRoundSheets = new("тоқсанның бағалау парақтарын көру", "просматривать оценочные листы квартала", "see the quarter's sheets");
    public static readonly LocalizedText NameEvaluator = new("бағалаушыны тағайындау", "назначить оценивающего", "name the evaluator");
    public static readonly LocalizedText NameSubstitute = new("алмастырушы бағалаушыны тағайындау", "назначить замещающего оценивающего", "name a substitute evaluator");
    public static readonly LocalizedText DesignateEvaluator = new("бағалауды басқа басшыға тапсыру", "поручить оценку другому руководителю", "designate another evaluator");
    public static readonly LocalizedText SaveDraft = new("жобаны сақтау", "сохранить черновик", "save a draft");
    public static readonly LocalizedText FillSheet = new("бағалау парағын толтыру", "заполнить оценочный лист", "fill in this sheet");
    public static readonly LocalizedText RecordFeedback = new("кері байланыс кездесуін тіркеу", "записать встречу обратной связи", "record the feedback meeting");
    public static readonly LocalizedText ApplyForCalibration = new("калибрлеуге өтініш беру", "подать заявление на калибровку", "apply for calibration");
    public static readonly LocalizedText ApproveCalibrationPanel = new("калибрлеу құрамын бекіту", "утвердить состав калибровки", "approve the calibration panel");
    public static readonly LocalizedText Convene = new("калибрлеу сессиясын шақыру", "созвать калибровочную сессию", "convene the calibration session");
    public static readonly LocalizedText RecordCalibration = new("калибрлеу сессиясын тіркеу", "записать калибровочную сессию", "record the calibration session");
    public static readonly LocalizedText PostProtocol = new("хаттаманы орналастыру", "разместить протокол", "post the protocol");
    public static readonly LocalizedText LaunchSurvey = new("360 сауалнамасын бастау", "запустить опрос 360", "launch the 360 survey");
    public static readonly LocalizedText ChooseRespondents = new("360 респонденттерін таңдау", "выбрать респондентов 360", "choose the 360 respondents");
    public static readonly LocalizedText IssueLinks = new("360 сілтемелерін беру", "выдать ссылки 360", "issue the 360 links");
    public static readonly LocalizedText ExportResults = new("бағалау нәтижелерін жүктеп алу", "выгрузить результаты оценки", "export the results");
    public static readonly LocalizedText SeeRespondents = new("360 респонденттерін көру", "просматривать респондентов 360", "see the 360 respondents");
    public static readonly LocalizedText SeeTrainingNeeds = new("оқыту қажеттіліктерін көру", "просматривать потребности в обучении", "see the training needs");
    public static readonly LocalizedText ListKtiHeads = new("ТНИ бар басшылар тізімін көру", "просматривать список руководителей с КЦИ", "list the heads with KTIs");
    public static readonly LocalizedText OpenKtiPlan = new("ТНИ жоспарын ашу", "открыть план КЦИ", "open a KTI plan");
    public static readonly LocalizedText WriteKtis = new("ТНИ жазу", "написать КЦИ", "write the KTIs");
    public static readonly LocalizedText AgreeKtiPlan = new("ТНИ жоспарын келісу", "согласовать план КЦИ", "agree the KTI plan");
    public static readonly LocalizedText EnterActuals = new("ТНИ нақты мәндерін енгізу", "внести фактические значения КЦИ", "enter the KTI actual values");
    public static readonly LocalizedText EnterScoreTable = new("рұқсат етілген баллдар кестесін енгізу", "внести таблицу допустимых баллов", "enter the permitted-score table");
    public static readonly LocalizedText ScoreKtis = new("ТНИ бағалау", "оценить КЦИ", "score the KTIs");
}

/// <summary>Who may do something, in the nominative ("only ... may").</summary>
public static class ActorNames
{
    public static readonly LocalizedText Hr = new("персоналды басқару қызметі", "служба управления персоналом", "HR");
    public static readonly LocalizedText HrHead = new("персоналды басқару қызметінің басшысы", "руководитель службы управления персоналом", "the head of HR");
    public static readonly LocalizedText HrHeadOrPanelHr = new("персоналды басқару қызметінің басшысы немесе құрамдағы HR мүшесі", "руководитель службы управления персоналом или член состава от HR", "the head of HR or an HR member of the panel");
    public static readonly LocalizedText Servant = new("бағаланатын қызметші", "оцениваемый служащий", "the evaluated servant");
    public static readonly LocalizedText Evaluator = new("бағалаушы", "оценивающий", "the evaluator");
    public static readonly LocalizedText EvaluatorOrHr = new("бағалаушы немесе персоналды басқару қызметі", "оценивающий или служба управления персоналом", "the evaluator or HR");
    public static readonly LocalizedText DirectSupervisor = new("тікелей басшы", "непосредственный руководитель", "the direct supervisor");
    public static readonly LocalizedText Superior = new("жоғары тұрған басшы", "вышестоящий руководитель", "the superior");
    public static readonly LocalizedText AuthorizedPerson = new("уәкілетті тұлға", "уполномоченное лицо", "the authorized person");
    public static readonly LocalizedText Chair = new("Комиссия төрағасы", "председатель Комиссии", "the Commission's chair");
    public static readonly LocalizedText VotingMember = new("Комиссияның дауыс беретін мүшесі", "голосующий член Комиссии", "a voting member of the Commission");
    public static readonly LocalizedText Assignee = new("тапсырма орындаушысы", "исполнитель задачи", "the task's assignee");
}

/// <summary>Records, as the subject of "... not found".</summary>
public static class Records
{
    public static readonly LocalizedText Record = new("жазба", "запись", "record");
    public static readonly LocalizedText Cycle = new("бағалау циклі", "цикл оценки", "evaluation cycle");
    public static readonly LocalizedText Plan = new("жұмыс жоспары", "рабочий план", "work plan");
    public static readonly LocalizedText KpiSheet = new("НМИ бағалау парағы", "оценочный лист ЦИ", "KPI sheet");
    public static readonly LocalizedText CompetencySheet = new("құзыреттерді бағалау парағы", "оценочный лист компетенций", "competency sheet");
    public static readonly LocalizedText Fact = new("растайтын файл", "подтверждающий файл", "supporting file");
    public static readonly LocalizedText Commission = new("Комиссия", "Комиссия", "Commission");
    public static readonly LocalizedText Schedule = new("Комиссия отырыстарының кестесі", "график заседаний Комиссии", "Commission schedule");
    public static readonly LocalizedText Sitting = new("Комиссия отырысы", "заседание Комиссии", "Commission sitting");
    public static readonly LocalizedText Acquaintance = new("нәтижемен танысу", "ознакомление с результатом", "acquaintance with the result");
    public static readonly LocalizedText Appeal = new("шағым", "жалоба", "appeal");
    public static readonly LocalizedText Servant = new("қызметші", "служащий", "servant");
    public static readonly LocalizedText Task = new("тапсырма", "задача", "task");
    public static readonly LocalizedText Pack = new("әдістеме", "методика", "methodology");
    public static readonly LocalizedText Evaluator = new("бағалаушы", "оценивающий", "evaluator");
    public static readonly LocalizedText Respondent = new("респондент", "респондент", "respondent");
    public static readonly LocalizedText CommissionMember = new("Комиссия мүшесі", "член Комиссии", "Commission member");
    public static readonly LocalizedText Delegate = new("бағалауды тапсыратын қызметші", "служащий, которому поручается оценка", "delegate");
}

/// <summary>Fields of forms, as named in "fill in ..." and "... is too long".</summary>
public static class Fields
{
    public static readonly LocalizedText Date = new("күні", "дата", "date");
    public static readonly LocalizedText Reason = new("себебі", "причина", "reason");
    public static readonly LocalizedText Recommendations = new("ұсынымдар", "рекомендации", "recommendations");
    public static readonly LocalizedText Assignee = new("орындаушы", "исполнитель", "assignee");
    public static readonly LocalizedText ChannelDetail = new("хабарлау тәсілінің сипаттамасы", "описание способа уведомления", "how the servant was notified");
    public static readonly LocalizedText FileName = new("файл атауы", "имя файла", "file name");
    public static readonly LocalizedText Members = new("құрам", "состав", "members");
    public static readonly LocalizedText Sittings = new("отырыстар", "заседания", "sittings");
    public static readonly LocalizedText Ktis = new("ТНИ", "КЦИ", "KTIs");
    public static readonly LocalizedText Comment = new("түсініктеме", "комментарий", "comment");
    public static readonly LocalizedText Source = new("дереккөзі", "источник", "source");
    public static readonly LocalizedText Argument = new("дәлел", "довод", "argument");
    public static readonly LocalizedText Arguments = new("дәлелдер", "доводы", "arguments");
    public static readonly LocalizedText Statement = new("өтініш мәтіні", "текст заявления", "statement");
    public static readonly LocalizedText Justification = new("негіздеме", "обоснование", "justification");
    public static readonly LocalizedText Objection = new("қарсылық", "возражение", "objection");
    public static readonly LocalizedText Achievements = new("жетістіктер", "достижения", "achievements");
    public static readonly LocalizedText Skills = new("дағдылар", "навыки", "skills");
    public static readonly LocalizedText Potential = new("әлеует", "потенциал", "potential");
    public static readonly LocalizedText KtiName = new("ТНИ атауы", "наименование КЦИ", "KTI name");
    public static readonly LocalizedText KtiUnit = new("өлшем бірлігі", "единица измерения", "unit of measure");
    public static readonly LocalizedText KtiPlanned = new("жоспарлы мәні", "плановое значение", "planned value");
    public static readonly LocalizedText KtiResult = new("күтілетін нәтиже", "ожидаемый результат", "expected result");
    public static readonly LocalizedText File = new("файл", "файл", "file");
    public static readonly LocalizedText Kpi = new("НМИ", "ЦИ", "KPI");
    public static readonly LocalizedText Act = new("акт", "акт", "act");
    public static readonly LocalizedText NotifiedOn = new("хабарланған күні", "дата уведомления", "notified on");
    public static readonly LocalizedText Year = new("жыл", "год", "year");
    public static readonly LocalizedText Pack = new("әдістеме", "методика", "methodology");
    public static readonly LocalizedText Evaluator = new("бағалаушы", "оценивающий", "evaluator");
    public static readonly LocalizedText Respondent = new("респондент", "респондент", "respondent");
    public static readonly LocalizedText CommissionMember = new("Комиссия мүшесі", "член Комиссии", "Commission member");
    public static readonly LocalizedText Delegate = new("бағалауды тапсыратын қызметші", "служащий, которому поручается оценка", "delegate");

    public static LocalizedText ActualOf(int number) => new($"{number}-НМИ нақты мәні", $"факт ЦИ №{number}", $"actual of KPI {number}");

    public static LocalizedText ProgressOf(int number) => new($"{number}-НМИ орындалу барысы", $"ход выполнения ЦИ №{number}", $"progress of KPI {number}");

    public static LocalizedText Numbered(int number, string name) => LocalizedText.Same($"{number}. {name}");

}

/// <summary>The states of every workflow record, as people call them.</summary>
public static class StateNames
{
    public static readonly LocalizedText HasEvaluator = new("бағалаушы тағайындалған", "оценивающий назначен", "with an evaluator");
    public static readonly LocalizedText LinksIssued = new("сілтемелер берілген", "ссылки выданы", "with links issued");
    public static readonly LocalizedText Decided = new("шешім қабылданған", "решение принято", "decided");
    public static readonly LocalizedText NotAcknowledged = new("танысу күтілуде", "ожидает ознакомления", "waiting for acknowledgement");
    public static readonly LocalizedText Done = new("орындалған", "выполнена", "done");

    private static readonly LocalizedText Draft = new("жоба", "черновик", "a draft");
    private static readonly LocalizedText Agreed = new("келісілген", "согласован", "agreed");
    private static readonly LocalizedText Approved = new("бекітілген", "утверждён", "approved");
    private static readonly LocalizedText Signed = new("қол қойылған", "подписан", "signed");
    private static readonly LocalizedText Returned = new("қайтарылған", "возвращён", "returned");
    private static readonly LocalizedText Closed = new("жабылған", "закрыт", "closed");
    private static readonly LocalizedText SentToCommission = new("Комиссияға жіберілген", "направлен в Комиссию", "sent to the Commission");

    private static readonly Dictionary<Enum, LocalizedText> Names = new()
    {
        [WorkPlanState.Draft] = Draft,
        [WorkPlanState.Submitted] = new("бекітуге жіберілген", "отправлен на утверждение", "submitted for approval"),
        [WorkPlanState.Returned] = Returned,
        [WorkPlanState.Resubmitted] = new("қайта жіберілген", "отправлен повторно", "resubmitted"),
        [WorkPlanState.Approved] = Approved,
        [KpiSheetState.Draft] = Draft,
        [KpiSheetState.Signed] = Signed,
        [KpiSheetState.Returned] = Returned,
        [KpiSheetState.Agreed] = Agreed,
        [KpiSheetState.SentToCommission] = SentToCommission,
        [CompetencySheetState.Draft] = Draft,
        [CompetencySheetState.Signed] = Signed,
        [CompetencySheetState.SentToCommission] = SentToCommission,
        [ScheduleState.Draft] = Draft,
        [ScheduleState.Agreed] = Agreed,
        [SittingState.Open] = new("өтуде", "идёт", "in progress"),
        [SittingState.ProtocolDrawn] = new("хаттама жасалған", "протокол составлен", "with its protocol drawn up"),
        [SittingState.Approved] = new("хаттама бекітілген", "протокол утверждён", "with its protocol approved"),
        [AcquaintanceState.Pending] = NotAcknowledged,
        [AcquaintanceState.Acknowledged] = new("танысқан", "ознакомлен", "acknowledged"),
        [AcquaintanceState.Refused] = new("танысудан бас тартқан", "отказ от ознакомления", "refused"),
        [AcquaintanceState.Notified] = new("хабарланған", "уведомлён", "notified"),
        [SheetState.NotEvaluated] = new("бағаланбайды", "не оценивается", "not evaluated"),
        [SheetState.Open] = new("толтырылуда", "заполняется", "being filled in"),
        [SheetState.Submitted] = new("жіберілген", "отправлен", "submitted"),
        [KtiPlanState.Draft] = Draft,
        [KtiPlanState.Agreed] = Agreed,
        [KtiPlanState.ActualsEntered] = new("нақты мәндер енгізілген", "факты внесены", "with actual values entered"),
        [KtiPlanState.Scored] = new("бағаланған", "оценён", "scored"),
        [RoundState.Scheduled] = new("жоспарланған", "запланирован", "scheduled"),
        [RoundState.Approved] = Approved,
        [RoundState.Closed] = Closed,
        [CalibrationState.Applied] = new("өтініш берілген", "заявление подано", "applied for"),
        [CalibrationState.Convened] = new("сессия шақырылған", "сессия созвана", "convened"),
        [CalibrationState.Closed] = Closed,
        [CalibrationState.ProtocolPosted] = new("хаттама орналастырылған", "протокол размещён", "with its protocol posted"),
    };

    /// <summary>Every state enumeration this table names (a test checks each of their values has a name).</summary>
    public static IReadOnlyCollection<Type> StateTypes { get; } = Names.Keys.Select(k => k.GetType()).Distinct().ToList();

    public static bool Has(Enum state) => Names.ContainsKey(state);

    /// <summary>The state's name; a state this table lacks is a programming error that a test catches.</summary>
    public static LocalizedText Of(Enum state) =>
        Names.TryGetValue(state, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(state), state, "state without a name");
}
