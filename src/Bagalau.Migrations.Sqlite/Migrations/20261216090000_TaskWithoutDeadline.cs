using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bagalau.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A task may have no due date (work the pack sets no deadline for: a Commission member's
    /// vote, the approval of a protocol, the schedule to build) and may name the servant it
    /// concerns (a vote on one case of a sitting).
    /// </summary>
    public partial class TaskWithoutDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateOnly>(
                name: "Due",
                table: "EvaluationTasks",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "AboutServantId",
                table: "EvaluationTasks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AboutServantId",
                table: "EvaluationTasks");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "Due",
                table: "EvaluationTasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
