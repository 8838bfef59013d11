using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class StatisticsAndQueueHousekeeping : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AnsweredByKommune",
                table: "chats",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CitizenSeenAt",
                table: "chats",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FirstAcceptedAt",
                table: "chats",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeldOverAt",
                table: "chats",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServedIn",
                table: "chats",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stat_days",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    Offered = table.Column<int>(type: "integer", nullable: false),
                    Answered = table.Column<int>(type: "integer", nullable: false),
                    Abandoned = table.Column<int>(type: "integer", nullable: false),
                    WaitMs = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredWaitMs = table.Column<long>(type: "bigint", nullable: false),
                    AbandonedWaitMs = table.Column<long>(type: "bigint", nullable: false),
                    HandleMs = table.Column<long>(type: "bigint", nullable: false),
                    ServedOwn = table.Column<int>(type: "integer", nullable: false),
                    ServedShared = table.Column<int>(type: "integer", nullable: false),
                    ServedOverflow = table.Column<int>(type: "integer", nullable: false),
                    MeetingsBooked = table.Column<int>(type: "integer", nullable: false),
                    MeetingsHeld = table.Column<int>(type: "integer", nullable: false),
                    MessagesLeft = table.Column<int>(type: "integer", nullable: false),
                    Wait_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_days", x => new { x.KommuneKode, x.LocalDay });
                });

            migrationBuilder.CreateTable(
                name: "stat_events",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "stat_hours",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    HourStart = table.Column<long>(type: "bigint", nullable: false),
                    HourOfWeek = table.Column<int>(type: "integer", nullable: false),
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    Offered = table.Column<int>(type: "integer", nullable: false),
                    Answered = table.Column<int>(type: "integer", nullable: false),
                    Abandoned = table.Column<int>(type: "integer", nullable: false),
                    WaitMs = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredWaitMs = table.Column<long>(type: "bigint", nullable: false),
                    AbandonedWaitMs = table.Column<long>(type: "bigint", nullable: false),
                    HandleMs = table.Column<long>(type: "bigint", nullable: false),
                    ServedOwn = table.Column<int>(type: "integer", nullable: false),
                    ServedShared = table.Column<int>(type: "integer", nullable: false),
                    ServedOverflow = table.Column<int>(type: "integer", nullable: false),
                    MeetingsBooked = table.Column<int>(type: "integer", nullable: false),
                    MeetingsHeld = table.Column<int>(type: "integer", nullable: false),
                    MessagesLeft = table.Column<int>(type: "integer", nullable: false),
                    Wait_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Wait_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Handle_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B0 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B1 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B2 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B3 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B4 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B5 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B6 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B7 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B8 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B9 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B10 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B11 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B12 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B13 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B14 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B15 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B16 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B17 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B18 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    Abandon_B19 = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_hours", x => new { x.KommuneKode, x.HourStart });
                });

            migrationBuilder.CreateTable(
                name: "stat_rebuilds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountedBefore = table.Column<long>(type: "bigint", nullable: false),
                    FromDay = table.Column<int>(type: "integer", nullable: false),
                    Chats = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_rebuilds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stat_settlement",
                columns: table => new
                {
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    AnsweredBy = table.Column<int>(type: "integer", nullable: false),
                    CitizenKommune = table.Column<int>(type: "integer", nullable: false),
                    Chats = table.Column<int>(type: "integer", nullable: false),
                    HandledMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_settlement", x => new { x.LocalDay, x.AnsweredBy, x.CitizenKommune });
                });

            migrationBuilder.CreateTable(
                name: "stat_topics",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Chats = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_topics", x => new { x.KommuneKode, x.LocalDay, x.Topic });
                });

            migrationBuilder.CreateIndex(
                name: "IX_stat_days_LocalDay",
                table: "stat_days",
                column: "LocalDay");

            migrationBuilder.CreateIndex(
                name: "IX_stat_events_CountedAt",
                table: "stat_events",
                column: "CountedAt");

            migrationBuilder.CreateIndex(
                name: "IX_stat_hours_HourStart",
                table: "stat_hours",
                column: "HourStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stat_days");

            migrationBuilder.DropTable(
                name: "stat_events");

            migrationBuilder.DropTable(
                name: "stat_hours");

            migrationBuilder.DropTable(
                name: "stat_rebuilds");

            migrationBuilder.DropTable(
                name: "stat_settlement");

            migrationBuilder.DropTable(
                name: "stat_topics");

            migrationBuilder.DropColumn(
                name: "AnsweredByKommune",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "CitizenSeenAt",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "FirstAcceptedAt",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "HeldOverAt",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "ServedIn",
                table: "chats");
        }
    }
}
