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
                name: "stat_durations",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    HourStart = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Bin = table.Column<int>(type: "integer", nullable: false),
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    HourOfWeek = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_durations", x => new { x.KommuneKode, x.HourStart, x.Kind, x.Bin });
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
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    HourOfWeek = table.Column<int>(type: "integer", nullable: false),
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
                    MessagesLeft = table.Column<int>(type: "integer", nullable: false)
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
                    FromHour = table.Column<long>(type: "bigint", nullable: false),
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
                    HourStart = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredBy = table.Column<int>(type: "integer", nullable: false),
                    CitizenKommune = table.Column<int>(type: "integer", nullable: false),
                    Chats = table.Column<int>(type: "integer", nullable: false),
                    HandledMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_settlement", x => new { x.HourStart, x.AnsweredBy, x.CitizenKommune });
                });

            migrationBuilder.CreateTable(
                name: "stat_topics",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    HourStart = table.Column<long>(type: "bigint", nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Chats = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_topics", x => new { x.KommuneKode, x.HourStart, x.Topic });
                });

            migrationBuilder.CreateIndex(
                name: "IX_stat_durations_HourStart",
                table: "stat_durations",
                column: "HourStart");

            migrationBuilder.CreateIndex(
                name: "IX_stat_events_CountedAt",
                table: "stat_events",
                column: "CountedAt");

            migrationBuilder.CreateIndex(
                name: "IX_stat_hours_HourStart",
                table: "stat_hours",
                column: "HourStart");

            migrationBuilder.CreateIndex(
                name: "IX_stat_topics_HourStart",
                table: "stat_topics",
                column: "HourStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stat_durations");

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
