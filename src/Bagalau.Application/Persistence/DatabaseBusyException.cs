using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bagalau.Application.Persistence;

/// <summary>
/// The SQLite file stayed busy for the whole start-up wait: another instance is migrating it,
/// seeding it or holding its write lock (or a crashed one left EF's migration lock behind).
/// Start-up says so in one line naming the file, instead of a stack trace.
/// </summary>
public sealed class DatabaseBusyException(string file, Exception? inner = null) : Exception(Text(file).En, inner)
{
    /// <summary>The exit code of a start-up refused this way (sysexits' EX_TEMPFAIL: try again later).</summary>
    public const int ExitCode = 75;

    public string File { get; } = file;

    public static (string Kk, string Ru, string En) Text(string file) => (
        $"Дерекқор файлы бос емес: {file}. Оны басқа іске қосылған дана жаңартып не ұстап тұр. Сол дананы тоқтатыңыз не біраздан кейін қайта іске қосыңыз, немесе басқа қалтадан іске қосыңыз (әр қалтаның өз дерекқоры болады).",
        $"Файл базы данных занят: {file}. Его обновляет или держит другой запущенный экземпляр. Остановите его или повторите запуск чуть позже, либо запустите из другой папки (у каждой папки своя база).",
        $"The database file is busy: {file}. Another running instance is migrating or holding it. Stop that instance or start again in a moment, or start from another folder (each folder has its own database).");

    /// <summary>The text in kk, ru or en (anything else: kk, the default language).</summary>
    public string MessageIn(string language)
    {
        var (kk, ru, en) = Text(File);
        return language switch
        {
            "ru" => ru,
            "en" => en,
            _ => kk,
        };
    }

    /// <summary>The language of the console: the UI culture's when it is ru or en, else Kazakh.</summary>
    public static string ConsoleLanguage(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "ru" => "ru",
        "en" => "en",
        _ => "kk",
    };

    /// <summary>True when SQLite answered "busy" or "locked" somewhere in the chain of exceptions.</summary>
    public static bool IsSqliteBusy(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                return true;
            }
        }

        return false;
    }
}
