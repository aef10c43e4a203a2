using System.Globalization;
using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Organisation;

/// <summary>An error ready to show: its code, the field or column at fault, and the text in the asked language.</summary>
public sealed record LocalisedError(string Code, string? Field, string Message);

/// <summary>
/// The texts of every error code of the organisation, accounts and import use cases, in Kazakh
/// (the default), Russian and English. Placeholders {0}, {1}... take the error's arguments.
/// </summary>
public static class ErrorMessages
{
    private static readonly Dictionary<string, (string Kk, string Ru, string En)> Texts = new(StringComparer.Ordinal)
    {
        ["required"] = ("Міндетті өріс толтырылмаған.", "Обязательное поле не заполнено.", "This field is required."),
        ["too-long"] = ("Мәтін тым ұзын: ең көбі {0} таңба.", "Слишком длинный текст: не более {0} символов.", "Too long: at most {0} characters."),
        ["code-invalid"] = ("«{0}» коды жарамсыз: тек әріптер, цифрлар, «.», «_», «-», ең көбі 50 таңба.", "Код «{0}» недопустим: только буквы, цифры, «.», «_», «-», не более 50 символов.", "Code '{0}' is not valid: letters, digits, '.', '_' and '-' only, at most 50 characters."),
        ["iin-format"] = ("ЖСН «{0}» 12 цифрдан тұруы керек.", "ИИН «{0}» должен состоять из 12 цифр.", "IIN '{0}' must be exactly 12 digits."),
        ["iin-century"] = ("ЖСН «{0}»: 7-цифр (ғасыр мен жыныс) 1-ден 6-ға дейін болуы керек.", "ИИН «{0}»: 7-я цифра (век и пол) должна быть от 1 до 6.", "IIN '{0}': digit 7 (century and sex) must be 1 to 6."),
        ["iin-date"] = ("ЖСН «{0}»: алғашқы 6 цифр (ЖЖААКК) нақты туған күн емес.", "ИИН «{0}»: первые 6 цифр (ГГММДД) не являются датой рождения.", "IIN '{0}': the first 6 digits (YYMMDD) are not a real birth date."),
        ["iin-checksum"] = ("ЖСН «{0}» бақылау цифры дұрыс емес: нөмірді тексеріңіз.", "Неверная контрольная цифра ИИН «{0}»: проверьте номер.", "IIN '{0}' has a wrong check digit: check the number."),
        ["category-unknown"] = ("«{0}» санаты тізілімде жоқ (мысалы: D-O-3, C-4, B-1, E-2).", "Категории «{0}» нет в реестре (например: D-O-3, C-4, B-1, E-2).", "Category '{0}' is not in the register (e.g. D-O-3, C-4, B-1, E-2)."),
        ["email-invalid"] = ("«{0}» электрондық пошта мекенжайы жарамсыз.", "Адрес электронной почты «{0}» недопустим.", "E-mail address '{0}' is not valid."),
        ["phone-invalid"] = ("«{0}» телефон нөмірі жарамсыз: 7-15 цифр.", "Номер телефона «{0}» недопустим: 7-15 цифр.", "Phone number '{0}' is not valid: 7 to 15 digits."),
        ["unit-cycle"] = ("«{0}» бөлімшесін өзінің ішіне орналастыруға болмайды.", "Подразделение «{0}» нельзя поместить внутрь самого себя.", "Unit '{0}' cannot be placed inside itself."),
        ["unit-duplicate-code"] = ("«{0}» коды бар бөлімше бұрыннан бар.", "Подразделение с кодом «{0}» уже существует.", "A unit with code '{0}' already exists."),
        ["unit-not-empty"] = ("«{0}» бөлімшесінде ішкі бөлімшелер немесе лауазымдар бар: алдымен оларды жойыңыз.", "В подразделении «{0}» есть вложенные подразделения или должности: сначала удалите их.", "Unit '{0}' still has units or positions: remove them first."),
        ["position-duplicate-code"] = ("«{0}» коды бар лауазым бұрыннан бар.", "Должность с кодом «{0}» уже существует.", "A position with code '{0}' already exists."),
        ["position-in-use"] = ("«{0}» лауазымына тағайындаулар бар: оны жоюға болмайды.", "На должность «{0}» есть назначения: её нельзя удалить.", "Position '{0}' has appointments: it cannot be removed."),
        ["body-duplicate-code"] = ("«{0}» коды бар мемлекеттік орган бұрыннан бар.", "Государственный орган с кодом «{0}» уже существует.", "A state body with code '{0}' already exists."),
        ["servant-duplicate-iin"] = ("ЖСН «{0}» бар қызметші бұрыннан бар.", "Служащий с ИИН «{0}» уже существует.", "A servant with IIN '{0}' already exists."),
        ["appointment-ends-before-start"] = ("Тағайындау аяқталу күні ({1}) басталу күнінен ({0}) бұрын.", "Дата окончания назначения ({1}) раньше даты начала ({0}).", "The appointment ends ({1}) before it starts ({0})."),
        ["appointment-overlap"] = ("{0}–{1} тағайындауы {2}–{3} тағайындауымен қабаттасады: қызметші бір уақытта бір лауазымда болады.", "Назначение {0}–{1} пересекается с назначением {2}–{3}: служащий занимает одну должность в одно время.", "The appointment {0}–{1} overlaps the appointment {2}–{3}: a servant holds one position at a time."),
        ["probation-ends-before-start"] = ("Сынақ мерзімінің аяқталуы ({1}) басталуынан ({0}) бұрын.", "Окончание испытательного срока ({1}) раньше его начала ({0}).", "The probation ends ({1}) before it starts ({0})."),
        ["probation-overlap"] = ("{0}–{1} сынақ мерзімі {2}–{3} сынақ мерзімімен қабаттасады.", "Испытательный срок {0}–{1} пересекается со сроком {2}–{3}.", "The probation {0}–{1} overlaps the probation {2}–{3}."),
        ["absence-ends-before-start"] = ("Болмау кезеңінің аяқталуы ({1}) басталуынан ({0}) бұрын.", "Окончание отсутствия ({1}) раньше его начала ({0}).", "The absence ends ({1}) before it starts ({0})."),
        ["absence-duplicate"] = ("«{0}» түріндегі {1} басталатын болмау бұрыннан бар.", "Отсутствие вида «{0}» с {1} уже есть.", "An absence of kind '{0}' starting {1} already exists."),
        ["dismissal-duplicate"] = ("{0} күнгі босату бұрыннан бар.", "Увольнение от {0} уже есть.", "A dismissal on {0} already exists."),
        ["sanction-lifted-before-applied"] = ("Жазаның алынған күні ({1}) қолданылған күнінен ({0}) бұрын.", "Дата снятия взыскания ({1}) раньше даты наложения ({0}).", "The sanction is lifted ({1}) before it was applied ({0})."),
        ["sanction-duplicate"] = ("{1} күнгі «{0}» жазасы бұрыннан бар.", "Взыскание «{0}» от {1} уже есть.", "A '{0}' sanction applied on {1} already exists."),
        ["reporting-self"] = ("Қызметші ({0}) өзіне-өзі басшы бола алмайды.", "Служащий ({0}) не может быть руководителем самому себе.", "A servant ({0}) cannot report to themselves."),
        ["reporting-cycle"] = ("Тікелей басшылар тізбегі тұйықталады: {0} → {1} → ... → {0}.", "Цепочка непосредственных руководителей замыкается: {0} → {1} → ... → {0}.", "Direct-supervisor lines form a cycle: {0} → {1} → ... → {0}."),
        ["value-unknown"] = ("«{0}» мәні белгісіз. Рұқсат етілгендер: {1}.", "Значение «{0}» неизвестно. Допустимые: {1}.", "Unknown value '{0}'. Allowed: {1}."),
        ["reference-unknown"] = ("«{0}» табылмады: алдымен оны қосыңыз.", "«{0}» не найден: сначала добавьте его.", "'{0}' was not found: add it first."),
        ["not-found"] = ("Жазба табылмады немесе сізге қолжетімсіз.", "Запись не найдена или недоступна вам.", "The record was not found or is not available to you."),
        ["concurrency-conflict"] = ("Бұл жазбаны сіз ашқаннан кейін басқа біреу өзгертті. Сіздің өзгерістеріңіз сақталмады: жазбаны қайта ашып, қайталаңыз.", "Эту запись изменил кто-то другой после того, как вы её открыли. Ваши изменения не сохранены: откройте запись заново и повторите.", "Someone else changed this record after you opened it. Your changes were not saved: reopen the record and try again."),
        ["culture-unknown"] = ("«{0}» тілі қолданылмайды: kk, ru немесе en.", "Язык «{0}» не поддерживается: kk, ru или en.", "Language '{0}' is not supported: kk, ru or en."),
        ["user-duplicate-email"] = ("Бұл электрондық поштамен пайдаланушы бұрыннан бар.", "Пользователь с этой электронной почтой уже существует.", "A user with this e-mail already exists."),
        ["member-servant-unknown"] = ("ЖСН «{0}» бар қызметші бұл органда жоқ.", "Служащего с ИИН «{0}» в этом органе нет.", "No servant of this body has IIN '{0}'."),
        ["member-servant-other"] = ("Бұл пайдаланушы бұл органда басқа қызметшімен байланыстырылған.", "Этот пользователь уже связан в этом органе с другим служащим.", "This user is already linked to another servant of this body."),
        ["member-own-administrator"] = ("Өзіңіздің әкімші рөліңізді алып тастай алмайсыз: оны басқа әкімші алып тастайды.", "Нельзя снять с себя роль администратора: это делает другой администратор.", "You cannot remove your own administrator role: another administrator can."),
        ["password-weak"] = ("Құпиясөз талаптарға сай емес: кемінде 8 таңба, бас және кіші әріп, цифр ({0}).", "Пароль не отвечает требованиям: не менее 8 символов, заглавная и строчная буквы, цифра ({0}).", "The password does not meet the rules: at least 8 characters, an upper-case and a lower-case letter and a digit ({0})."),
        ["account-rejected"] = ("Есептік жазба құрылмады ({0}).", "Учётная запись не создана ({0}).", "The account was not created ({0})."),
        ["date-invalid"] = ("«{0}» күні жарамсыз: ЖЖЖЖ-АА-КК пішімі керек.", "Дата «{0}» недопустима: нужен формат ГГГГ-ММ-ДД.", "Date '{0}' is not valid: use YYYY-MM-DD."),
        ["bool-invalid"] = ("«{0}» мәні жарамсыз: yes/no (иә/жоқ, да/нет, true/false, 1/0).", "Значение «{0}» недопустимо: yes/no (иә/жоқ, да/нет, true/false, 1/0).", "Value '{0}' is not valid: yes/no (иә/жоқ, да/нет, true/false, 1/0)."),
        ["row-duplicate"] = ("Бұл жол {0}-жолды қайталайды (кілті бірдей).", "Эта строка повторяет строку {0} (тот же ключ).", "This row repeats row {0} (same key)."),
        ["encoding-invalid"] = ("Файл UTF-8 кодтауында емес ({0}-жолда UTF-8 емес байт бар): файлды UTF-8 ретінде сақтаңыз.", "Файл не в кодировке UTF-8 (в строке {0} байт не UTF-8): сохраните файл как UTF-8.", "The file is not UTF-8 (line {0} has a byte that is not UTF-8): save it as UTF-8."),
        ["csv-malformed"] = ("CSV жолы бұзылған: тырнақша жабылмаған.", "Строка CSV повреждена: кавычка не закрыта.", "Malformed CSV line: a quote is not closed."),
        ["file-empty"] = ("Файл бос: тақырып жолы жоқ.", "Файл пуст: нет строки заголовков.", "The file is empty: there is no header row."),
        ["file-kind-unknown"] = ("Тақырып жолы бойынша деректер түрі анықталмады ({0}). Күтілетін түрлер: {1}.", "По строке заголовков не удалось определить вид данных ({0}). Ожидаемые виды: {1}.", "The header row matches no kind of data ({0}). Expected kinds: {1}."),
        ["columns-missing"] = ("Бағандар жетіспейді: {0}.", "Не хватает столбцов: {0}.", "Missing columns: {0}."),
        ["columns-unknown"] = ("Белгісіз бағандар: {0}.", "Неизвестные столбцы: {0}.", "Unknown columns: {0}."),
        ["columns-duplicate"] = ("Баған екі рет берілген: {0}.", "Столбец указан дважды: {0}.", "Column given twice: {0}."),
        ["xlsx-invalid"] = ("Файл XLSX жұмыс кітабы емес немесе бүлінген.", "Файл не является книгой XLSX или повреждён.", "The file is not an XLSX workbook or is damaged."),
        ["sheet-unknown"] = ("«{0}» парағы белгісіз. Күтілетін парақтар: {1}.", "Лист «{0}» неизвестен. Ожидаемые листы: {1}.", "Unknown sheet '{0}'. Expected sheets: {1}."),
        ["file-type-unsupported"] = ("«{0}» файл түрі қолданылмайды: .csv немесе .xlsx.", "Тип файла «{0}» не поддерживается: .csv или .xlsx.", "File type '{0}' is not supported: .csv or .xlsx."),
        ["body-required"] = ("Мемлекеттік органды көрсетіңіз (--body CODE).", "Укажите государственный орган (--body CODE).", "Name the state body (--body CODE)."),
    };

    /// <summary>All error codes that have texts (for tests and API documentation).</summary>
    public static IReadOnlyCollection<string> Codes => Texts.Keys;

    /// <summary>The message of <paramref name="error"/> in the culture's language (kk, ru or en; others get Kazakh).</summary>
    public static string Format(ValidationError error, CultureInfo culture)
    {
        if (!Texts.TryGetValue(error.Code, out var texts))
        {
            return error.ToString();
        }

        var template = culture.TwoLetterISOLanguageName switch
        {
            "ru" => texts.Ru,
            "en" => texts.En,
            _ => texts.Kk,
        };
        // Missing arguments print as empty rather than failing the whole page.
        var args = error.Args.Concat(Enumerable.Repeat(string.Empty, 6)).Take(Math.Max(6, error.Args.Count)).Cast<object>().ToArray();
        return string.Format(culture, template, args);
    }

    public static LocalisedError Localise(this ValidationError error, CultureInfo culture) =>
        new(error.Code, error.Field, Format(error, culture));

    public static IReadOnlyList<LocalisedError> Localise(this IEnumerable<ValidationError> errors, CultureInfo culture) =>
        errors.Select(e => e.Localise(culture)).ToList();
}
