using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

// The floor of the quarter close: the same number of result rows written raw into the
// AnnualResults table of the same database with the provider's fastest path (PostgreSQL binary
// COPY, SQLite one prepared INSERT in one transaction), no EF, no audit, no rule. The rows are
// removed afterwards (untimed) under a pack id no close uses.
// Usage: Bagalau.Bench.Floor sqlite|postgres CONNECTION ROWS
if (args.Length != 3 || args[0] is not ("sqlite" or "postgres") || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
{
    Console.Error.WriteLine("usage: Bagalau.Bench.Floor sqlite|postgres CONNECTION ROWS");
    return 2;
}

const string FloorPack = "bench-floor";
await using DbConnection connection = args[0] == "sqlite" ? new SqliteConnection(args[1]) : new NpgsqlConnection(args[1]);
await connection.OpenAsync();

// Real servants to point at (the foreign key), repeated when the database holds fewer than ROWS.
var servants = new List<(Guid Servant, Guid Body)>();
await using (var read = connection.CreateCommand())
{
    read.CommandText = """SELECT "Id", "StateBodyId" FROM "Servants" """;
    await using var reader = await read.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        servants.Add((Guid.Parse(reader.GetValue(0).ToString()!), Guid.Parse(reader.GetValue(1).ToString()!)));
    }
}

if (servants.Count == 0)
{
    Console.Error.WriteLine("no servants in the database");
    return 1;
}

var day = new DateOnly(2025, 1, 10);
var timer = Stopwatch.StartNew();
if (connection is NpgsqlConnection npgsql)
{
    await using var tx = await npgsql.BeginTransactionAsync();
    await using (var copy = await npgsql.BeginBinaryImportAsync("""COPY "AnnualResults" ("Id","ServantId","PackId","Year","VersionId","Score","Grade","Clause","QuartersCounted","Q1","Q2","Q3","Q4","UpdatedOn","StateBodyId","Version") FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < rows; i++)
        {
            var (servant, body) = servants[i % servants.Count];
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.NewGuid());
            await copy.WriteAsync(servant);
            await copy.WriteAsync(FloorPack);
            await copy.WriteAsync(2000 + (i / servants.Count));
            await copy.WriteAsync("2023-09");
            await copy.WriteAsync(4.25m);
            await copy.WriteAsync("effective");
            await copy.WriteAsync("4");
            await copy.WriteAsync(4);
            await copy.WriteAsync(4.00m);
            await copy.WriteAsync(4.25m);
            await copy.WriteAsync(4.50m);
            await copy.WriteAsync(4.25m);
            await copy.WriteAsync(day);
            await copy.WriteAsync(body);
            await copy.WriteAsync(0);
        }

        await copy.CompleteAsync();
    }

    await tx.CommitAsync();
}
else
{
    await using var tx = await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = """INSERT INTO "AnnualResults" ("Id","ServantId","PackId","Year","VersionId","Score","Grade","Clause","QuartersCounted","Q1","Q2","Q3","Q4","UpdatedOn","StateBodyId","Version") VALUES ($id,$servant,'bench-floor',$year,'2023-09','4.25','effective','4',4,'4.0','4.25','4.5','4.25','2025-01-10',$body,0)""";
    var id = insert.CreateParameter();
    id.ParameterName = "$id";
    var servantParameter = insert.CreateParameter();
    servantParameter.ParameterName = "$servant";
    var year = insert.CreateParameter();
    year.ParameterName = "$year";
    var bodyParameter = insert.CreateParameter();
    bodyParameter.ParameterName = "$body";
    insert.Parameters.Add(id);
    insert.Parameters.Add(servantParameter);
    insert.Parameters.Add(year);
    insert.Parameters.Add(bodyParameter);
    await insert.PrepareAsync();
    for (var i = 0; i < rows; i++)
    {
        var (servant, body) = servants[i % servants.Count];
        id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
        servantParameter.Value = servant.ToString().ToUpperInvariant();
        year.Value = 2000 + (i / servants.Count);
        bodyParameter.Value = body.ToString().ToUpperInvariant();
        await insert.ExecuteNonQueryAsync();
    }

    await tx.CommitAsync();
}

var seconds = timer.Elapsed.TotalSeconds;
await using (var clean = connection.CreateCommand())
{
    clean.CommandText = $"""DELETE FROM "AnnualResults" WHERE "PackId" = '{FloorPack}'""";
    await clean.ExecuteNonQueryAsync();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor: {rows} result rows bulk-inserted ({args[0]}) in {seconds:F2} s"));
return 0;
