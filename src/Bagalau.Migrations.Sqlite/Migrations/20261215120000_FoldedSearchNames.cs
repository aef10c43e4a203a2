using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bagalau.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Servants' SearchName holds the folded name (NameFolding: Kazakh letters as the Russian
    /// letters they are typed as, no soft or hard sign, one И for a run), not only the upper case.
    /// The stored names are already upper case, so the folding is a chain of REPLACE the same on
    /// both providers. No schema change: the model snapshot is the same.
    /// </summary>
    [DbContext(typeof(BagalauDbContext))]
    [Migration("20261215120000_FoldedSearchNames")]
    public partial class FoldedSearchNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(FoldSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("UPDATE \"Servants\" SET \"SearchName\" = UPPER(\"FullName\")");

        private static string FoldSql
        {
            get
            {
                var expression = "\"SearchName\"";
                // The letters of NameFolding as they were when this migration was written.
                foreach (var (from, to) in new[] { ("Ә", "А"), ("Ө", "О"), ("Ү", "У"), ("Ұ", "У"), ("Қ", "К"), ("Ғ", "Г"), ("Ң", "Н"), ("Һ", "Х"), ("І", "И"), ("Й", "И"), ("Ё", "Е"), ("Ь", ""), ("Ъ", "") })
                {
                    expression = $"REPLACE({expression}, '{from}', '{to}')";
                }

                expression = $"REPLACE(REPLACE(REPLACE({expression}, 'ИИ', 'И'), 'ИИ', 'И'), 'ИИ', 'И')";
                return $"UPDATE \"Servants\" SET \"SearchName\" = {expression}";
            }
        }
    }
}
