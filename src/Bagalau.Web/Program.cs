using Bagalau.Application.Persistence;
using Bagalau.Web.Setup;

var builder = WebApplication.CreateBuilder(BagalauWebSetup.Options(args));
builder.AddBagalauWeb();

var app = builder.Build();
app.UseBagalauWeb();
try
{
    await app.PrepareDatabaseAsync();
}
catch (DatabaseBusyException busy)
{
    // Another instance holds the SQLite file: one line that names it and says what to do, no stack trace.
    await Console.Error.WriteLineAsync(busy.MessageIn(DatabaseBusyException.ConsoleLanguage(System.Globalization.CultureInfo.CurrentUICulture)));
    return DatabaseBusyException.ExitCode;
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
