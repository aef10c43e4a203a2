using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bagalau.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    PreferredCulture = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FireTimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Node = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Summary = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StateBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCycles2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCycles2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCycles2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AssigneeServantId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DeadlineId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationTasks_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KtiScoreTables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KtiScoreTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KtiScoreTables_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientServantId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TextKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextRu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReadOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarterRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    VersionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    EvaluationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DueClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NotifyBy = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarterRounds_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Servants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FullName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvidesPublicServices = table.Column<bool>(type: "boolean", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Servants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Servants_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StructuralUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StructuralUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StructuralUnits_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StructuralUnits_StructuralUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "StructuralUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Survey360Rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    VersionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LaunchedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LaunchedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DueClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey360Rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey360Rounds_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Commissions2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ComposedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Seats = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commissions2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commissions2018_EvaluationCycles2018_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commissions2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetencySheets2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectSupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Qualifier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProvidesPublicServices = table.Column<bool>(type: "boolean", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenedByAppealId = table.Column<Guid>(type: "uuid", nullable: true),
                    Marks = table.Column<string>(type: "text", nullable: false),
                    Results = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetencySheets2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetencySheets2018_EvaluationCycles2018_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompetencySheets2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EligibilityEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Evaluate = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    Clause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityEntries_EvaluationCycles2018_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EligibilityEntries_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectSupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApproverId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApproverClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResubmitDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ResubmitClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Kpis = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlans_EvaluationCycles2018_CycleId",
                        column: x => x.CycleId,
                        principalTable: "EvaluationCycles2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkPlans_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reminder = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_EvaluationTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "EvaluationTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KtiScoreTableRows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromPercent = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    ToPercent = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    MinScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    MaxScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KtiScoreTableRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KtiScoreTableRows_KtiScoreTables_TableId",
                        column: x => x.TableId,
                        principalTable: "KtiScoreTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Absences_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Absences_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Acquaintances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResultKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResultRu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResultEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DueClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    RefusalActDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusalHrName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalHrPosition = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalWitness1Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalWitness1Position = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalWitness2Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalWitness2Position = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RefusalNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChannelDetail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Acquaintances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Acquaintances_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Acquaintances_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Clause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QuartersCounted = table.Column<int>(type: "integer", nullable: false),
                    Q1 = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Q2 = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Q3 = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Q4 = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    UpdatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualResults_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualResults_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BodyMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BodyMemberships_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BodyMemberships_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dismissals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dismissals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dismissals_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dismissals_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KtiPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    VersionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Participation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EligibilityReason = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EligibilityClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TimingReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PlanDue = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanDueClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActualsDue = table.Column<DateOnly>(type: "date", nullable: false),
                    ActualsDueClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Edits = table.Column<int>(type: "integer", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SetLate = table.Column<bool>(type: "boolean", nullable: false),
                    ActualsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualsBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActualsLate = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ResultClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TableRevision = table.Column<int>(type: "integer", nullable: true),
                    ScoredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KtiPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KtiPlans_QuarterRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "QuarterRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KtiPlans_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KtiPlans_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Probations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Probations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Probations_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Probations_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RatingSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Participation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EligibilityReason = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EligibilityClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EvaluatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignmentClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubstituteId = table.Column<Guid>(type: "uuid", nullable: true),
                    DelegateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DueClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Average = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CappedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ResultClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotificationChannel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NotifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CalibratedScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    CalibratedGrade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CalibrationClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FeedbackAchievements = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FeedbackSkills = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FeedbackPotential = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FeedbackOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RatingSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RatingSheets_QuarterRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "QuarterRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RatingSheets_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RatingSheets_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportingLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingLines_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportingLines_Servants_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportingLines_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sanctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Applied = table.Column<DateOnly>(type: "date", nullable: false),
                    Lifted = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Sanctions_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecordEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AcquaintanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    TextKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextRu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecordEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRecordEntries_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceRecordEntries_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TitleKk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Qualifier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Positions_StructuralUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "StructuralUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Survey360Targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Issued = table.Column<bool>(type: "boolean", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey360Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey360Targets_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Survey360Targets_Survey360Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Survey360Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Schedules2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeDue = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Servants = table.Column<string>(type: "text", nullable: false),
                    Sittings = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schedules2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Schedules2018_Commissions2018_CommissionId",
                        column: x => x.CommissionId,
                        principalTable: "Commissions2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Schedules2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sittings2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SittingOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProtocolOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Agenda = table.Column<string>(type: "text", nullable: false),
                    Cases = table.Column<string>(type: "text", nullable: false),
                    Present = table.Column<string>(type: "text", nullable: false),
                    Seats = table.Column<string>(type: "text", nullable: false),
                    Votes = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sittings2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sittings2018_Commissions2018_CommissionId",
                        column: x => x.CommissionId,
                        principalTable: "Commissions2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sittings2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiSheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectSupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SuperiorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PackVersionId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Achieved = table.Column<int>(type: "integer", nullable: true),
                    Grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    GradeClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResubmitDue = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommissionDue = table.Column<DateOnly>(type: "date", nullable: true),
                    CommissionDueClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenedByAppealId = table.Column<Guid>(type: "uuid", nullable: true),
                    Rows = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiSheets_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KpiSheets_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringNotes2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectSupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Recommendations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Progress = table.Column<string>(type: "text", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringNotes2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringNotes2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringNotes2018_WorkPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KtiItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Planned = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Actual = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AchievementPercent = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KtiItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KtiItems_KtiPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "KtiPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionDue = table.Column<DateOnly>(type: "date", nullable: false),
                    DecisionClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SessionDue = table.Column<DateOnly>(type: "date", nullable: false),
                    SessionClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConvenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvaluatorJustification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ObjectionForm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Objection = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MembersArguments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OriginalScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    ProposedScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    VotesFor = table.Column<int>(type: "integer", nullable: true),
                    VotesAgainst = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FinalScore = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    FinalGrade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OutcomeClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SessionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProtocolDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ProtocolClause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProtocolPostedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationCases_RatingSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "RatingSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CalibrationCases_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SheetScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParameterId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetScores_RatingSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "RatingSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PositionId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_Positions_PositionId",
                        column: x => x.PositionId,
                        principalTable: "Positions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appointments_Servants_ServantId",
                        column: x => x.ServantId,
                        principalTable: "Servants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Appointments_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Survey360Invitation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    RespondentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Used = table.Column<bool>(type: "boolean", nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey360Invitation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey360Invitation_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Survey360Invitation_Survey360Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Survey360Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Survey360Replies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsSelf = table.Column<bool>(type: "boolean", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey360Replies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey360Replies_Survey360Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Survey360Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SittingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Body = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DecisionOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DueClause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals2018_Sittings2018_SittingId",
                        column: x => x.SittingId,
                        principalTable: "Sittings2018",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Appeals2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KpiFacts2018",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    KpiNumber = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StateBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiFacts2018", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KpiFacts2018_KpiSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "KpiSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KpiFacts2018_StateBodies_StateBodyId",
                        column: x => x.StateBodyId,
                        principalTable: "StateBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalibrationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Vote = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Argument = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalibrationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalibrationMembers_CalibrationCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CalibrationCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Survey360Ratings",
                columns: table => new
                {
                    CompetencyId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AnswerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey360Ratings", x => new { x.AnswerId, x.CompetencyId });
                    table.ForeignKey(
                        name: "FK_Survey360Ratings_Survey360Replies_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "Survey360Replies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_ServantId_From",
                table: "Absences",
                columns: new[] { "ServantId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_StateBodyId",
                table: "Absences",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Acquaintances_ServantId",
                table: "Acquaintances",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_Acquaintances_StateBodyId",
                table: "Acquaintances",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Acquaintances_SubjectType_SubjectId",
                table: "Acquaintances",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualResults_ServantId",
                table: "AnnualResults",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualResults_StateBodyId",
                table: "AnnualResults",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_AnnualResults_StateBodyId_PackId_Year_ServantId",
                table: "AnnualResults",
                columns: new[] { "StateBodyId", "PackId", "Year", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals2018_SittingId_ServantId",
                table: "Appeals2018",
                columns: new[] { "SittingId", "ServantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals2018_StateBodyId",
                table: "Appeals2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PositionId",
                table: "Appointments",
                column: "PositionId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServantId_From",
                table: "Appointments",
                columns: new[] { "ServantId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_StateBodyId",
                table: "Appointments",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_Entity_EntityKey",
                table: "AuditRecords",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_StateBodyId_Sequence",
                table: "AuditRecords",
                columns: new[] { "StateBodyId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyMemberships_ServantId",
                table: "BodyMemberships",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyMemberships_StateBodyId_Role",
                table: "BodyMemberships",
                columns: new[] { "StateBodyId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_BodyMemberships_UserId_StateBodyId_Role",
                table: "BodyMemberships",
                columns: new[] { "UserId", "StateBodyId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationCases_SheetId",
                table: "CalibrationCases",
                column: "SheetId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationCases_StateBodyId",
                table: "CalibrationCases",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_CalibrationMembers_CaseId",
                table: "CalibrationMembers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Commissions2018_CycleId",
                table: "Commissions2018",
                column: "CycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commissions2018_StateBodyId",
                table: "Commissions2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetencySheets2018_CycleId_ServantId",
                table: "CompetencySheets2018",
                columns: new[] { "CycleId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompetencySheets2018_StateBodyId",
                table: "CompetencySheets2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Dismissals_ServantId_Date",
                table: "Dismissals",
                columns: new[] { "ServantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Dismissals_StateBodyId",
                table: "Dismissals",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityEntries_CycleId_ServantId",
                table: "EligibilityEntries",
                columns: new[] { "CycleId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityEntries_StateBodyId",
                table: "EligibilityEntries",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCycles2018_StateBodyId",
                table: "EvaluationCycles2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCycles2018_StateBodyId_Year_PackId",
                table: "EvaluationCycles2018",
                columns: new[] { "StateBodyId", "Year", "PackId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_AssigneeServantId_Status",
                table: "EvaluationTasks",
                columns: new[] { "AssigneeServantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_AssigneeUserId_Status",
                table: "EvaluationTasks",
                columns: new[] { "AssigneeUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_CycleId_UnitId",
                table: "EvaluationTasks",
                columns: new[] { "CycleId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_StateBodyId",
                table: "EvaluationTasks",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_Status_Due",
                table: "EvaluationTasks",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationTasks_SubjectType_SubjectId",
                table: "EvaluationTasks",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Job_FireTimeUtc",
                table: "JobRuns",
                columns: new[] { "Job", "FireTimeUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiFacts2018_SheetId",
                table: "KpiFacts2018",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiFacts2018_StateBodyId",
                table: "KpiFacts2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_KpiSheets_PlanId",
                table: "KpiSheets",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KpiSheets_StateBodyId",
                table: "KpiSheets",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiItems_PlanId",
                table: "KtiItems",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiPlans_EvaluatorId",
                table: "KtiPlans",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiPlans_RoundId_ServantId",
                table: "KtiPlans",
                columns: new[] { "RoundId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KtiPlans_ServantId",
                table: "KtiPlans",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiPlans_StateBodyId",
                table: "KtiPlans",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiScoreTableRows_TableId",
                table: "KtiScoreTableRows",
                column: "TableId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiScoreTables_StateBodyId",
                table: "KtiScoreTables",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_KtiScoreTables_StateBodyId_PackId_Revision",
                table: "KtiScoreTables",
                columns: new[] { "StateBodyId", "PackId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringNotes2018_PlanId_Quarter",
                table: "MonitoringNotes2018",
                columns: new[] { "PlanId", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringNotes2018_StateBodyId",
                table: "MonitoringNotes2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientServantId",
                table: "Notifications",
                column: "RecipientServantId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientUserId",
                table: "Notifications",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_StateBodyId",
                table: "Notifications",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_StateBodyId",
                table: "Positions",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_StateBodyId_Category",
                table: "Positions",
                columns: new[] { "StateBodyId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Positions_StateBodyId_Code",
                table: "Positions",
                columns: new[] { "StateBodyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Positions_UnitId",
                table: "Positions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Probations_ServantId_From",
                table: "Probations",
                columns: new[] { "ServantId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Probations_StateBodyId",
                table: "Probations",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterRounds_StateBodyId",
                table: "QuarterRounds",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterRounds_StateBodyId_PackId_Year_Quarter",
                table: "QuarterRounds",
                columns: new[] { "StateBodyId", "PackId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingSheets_EvaluatorId",
                table: "RatingSheets",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_RatingSheets_RoundId_ServantId",
                table: "RatingSheets",
                columns: new[] { "RoundId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RatingSheets_ServantId",
                table: "RatingSheets",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_RatingSheets_StateBodyId",
                table: "RatingSheets",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_StateBodyId",
                table: "ReminderDeliveries",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_TaskId_Reminder_Channel",
                table: "ReminderDeliveries",
                columns: new[] { "TaskId", "Reminder", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingLines_ServantId_Kind",
                table: "ReportingLines",
                columns: new[] { "ServantId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingLines_StateBodyId",
                table: "ReportingLines",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingLines_SupervisorId",
                table: "ReportingLines",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_ServantId_Applied",
                table: "Sanctions",
                columns: new[] { "ServantId", "Applied" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_StateBodyId",
                table: "Sanctions",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Schedules2018_CommissionId",
                table: "Schedules2018",
                column: "CommissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Schedules2018_CycleId",
                table: "Schedules2018",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_Schedules2018_StateBodyId",
                table: "Schedules2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Servants_SearchName_trgm",
                table: "Servants",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Servants_StateBodyId",
                table: "Servants",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Servants_StateBodyId_Iin",
                table: "Servants",
                columns: new[] { "StateBodyId", "Iin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Servants_StateBodyId_SearchName",
                table: "Servants",
                columns: new[] { "StateBodyId", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecordEntries_ServantId",
                table: "ServiceRecordEntries",
                column: "ServantId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecordEntries_StateBodyId",
                table: "ServiceRecordEntries",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetScores_SheetId",
                table: "SheetScores",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_Sittings2018_CommissionId_SittingOn",
                table: "Sittings2018",
                columns: new[] { "CommissionId", "SittingOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sittings2018_StateBodyId",
                table: "Sittings2018",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_StateBodies_Code",
                table: "StateBodies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StructuralUnits_ParentId",
                table: "StructuralUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_StructuralUnits_StateBodyId",
                table: "StructuralUnits",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_StructuralUnits_StateBodyId_Code",
                table: "StructuralUnits",
                columns: new[] { "StateBodyId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Invitation_StateBodyId",
                table: "Survey360Invitation",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Invitation_TargetId_RespondentId",
                table: "Survey360Invitation",
                columns: new[] { "TargetId", "RespondentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Invitation_TokenHash",
                table: "Survey360Invitation",
                column: "TokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Replies_TargetId",
                table: "Survey360Replies",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Rounds_StateBodyId",
                table: "Survey360Rounds",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Rounds_StateBodyId_PackId_Year",
                table: "Survey360Rounds",
                columns: new[] { "StateBodyId", "PackId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Targets_RoundId_ServantId",
                table: "Survey360Targets",
                columns: new[] { "RoundId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Survey360Targets_StateBodyId",
                table: "Survey360Targets",
                column: "StateBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_CycleId_ServantId",
                table: "WorkPlans",
                columns: new[] { "CycleId", "ServantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_StateBodyId",
                table: "WorkPlans",
                column: "StateBodyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "Acquaintances");

            migrationBuilder.DropTable(
                name: "AnnualResults");

            migrationBuilder.DropTable(
                name: "Appeals2018");

            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "BodyMemberships");

            migrationBuilder.DropTable(
                name: "CalibrationMembers");

            migrationBuilder.DropTable(
                name: "CompetencySheets2018");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Dismissals");

            migrationBuilder.DropTable(
                name: "EligibilityEntries");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "KpiFacts2018");

            migrationBuilder.DropTable(
                name: "KtiItems");

            migrationBuilder.DropTable(
                name: "KtiScoreTableRows");

            migrationBuilder.DropTable(
                name: "MonitoringNotes2018");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Probations");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReportingLines");

            migrationBuilder.DropTable(
                name: "Sanctions");

            migrationBuilder.DropTable(
                name: "Schedules2018");

            migrationBuilder.DropTable(
                name: "ServiceRecordEntries");

            migrationBuilder.DropTable(
                name: "SheetScores");

            migrationBuilder.DropTable(
                name: "Survey360Invitation");

            migrationBuilder.DropTable(
                name: "Survey360Ratings");

            migrationBuilder.DropTable(
                name: "Sittings2018");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CalibrationCases");

            migrationBuilder.DropTable(
                name: "KpiSheets");

            migrationBuilder.DropTable(
                name: "KtiPlans");

            migrationBuilder.DropTable(
                name: "KtiScoreTables");

            migrationBuilder.DropTable(
                name: "EvaluationTasks");

            migrationBuilder.DropTable(
                name: "Survey360Replies");

            migrationBuilder.DropTable(
                name: "Commissions2018");

            migrationBuilder.DropTable(
                name: "StructuralUnits");

            migrationBuilder.DropTable(
                name: "RatingSheets");

            migrationBuilder.DropTable(
                name: "WorkPlans");

            migrationBuilder.DropTable(
                name: "Survey360Targets");

            migrationBuilder.DropTable(
                name: "QuarterRounds");

            migrationBuilder.DropTable(
                name: "Servants");

            migrationBuilder.DropTable(
                name: "EvaluationCycles2018");

            migrationBuilder.DropTable(
                name: "Survey360Rounds");

            migrationBuilder.DropTable(
                name: "StateBodies");
        }
    }
}
