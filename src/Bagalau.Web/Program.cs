using Bagalau.Web.Setup;

var builder = WebApplication.CreateBuilder(BagalauWebSetup.Options(args));
builder.AddBagalauWeb();

var app = builder.Build();
app.UseBagalauWeb();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
