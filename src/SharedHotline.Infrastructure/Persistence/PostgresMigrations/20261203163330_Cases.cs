using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PreferredTime = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    MeetingStart = table.Column<long>(type: "bigint", nullable: true),
                    MeetingMinutes = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TakenBy = table.Column<Guid>(type: "uuid", nullable: true),
                    TakenByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Steps = table.Column<string>(type: "text", nullable: false),
                    StaffNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StatusTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_places",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Start = table.Column<long>(type: "bigint", nullable: false),
                    Place = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_places", x => new { x.KommuneKode, x.Topic, x.Start, x.Place });
                    table.ForeignKey(
                        name: "FK_meeting_places_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_KommuneKode_CreatedAt",
                table: "cases",
                columns: new[] { "KommuneKode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_KommuneKode_State_MeetingStart",
                table: "cases",
                columns: new[] { "KommuneKode", "State", "MeetingStart" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Reference",
                table: "cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meeting_places_CaseId",
                table: "meeting_places",
                column: "CaseId",
                unique: true);

            // Call-back requests and messages left before cases existed become open messages in the kommune's tasks.
            migrationBuilder.Sql("INSERT INTO cases (\"Id\", \"Reference\", \"KommuneKode\", \"Topic\", \"Name\", \"Phone\", \"PreferredTime\", \"Message\", \"CreatedAt\", \"Kind\", \"MeetingMinutes\", \"State\", \"Steps\", \"StatusTokenHash\", \"Version\") SELECT \"Id\", \"Reference\", \"KommuneKode\", \"Topic\", \"Name\", \"Phone\", \"PreferredTime\", \"Message\", \"CreatedAt\", 'Message', 0, 'Received', '[]', '', 0 FROM callback_requests;");

            migrationBuilder.DropTable(
                name: "callback_requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_places");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.CreateTable(
                name: "callback_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PreferredTime = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callback_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_callback_requests_KommuneKode_CreatedAt",
                table: "callback_requests",
                columns: new[] { "KommuneKode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_callback_requests_Reference",
                table: "callback_requests",
                column: "Reference",
                unique: true);
        }
    }
}
