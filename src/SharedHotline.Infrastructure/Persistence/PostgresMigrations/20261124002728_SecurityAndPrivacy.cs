using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SecurityAndPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginHash",
                table: "chats",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContainsCpr",
                table: "chat_messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "privacy_audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChatId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChatReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ItemsDeleted = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_privacy_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transcript_access_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    ChatId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChatReference = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StaffId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StaffKommune = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transcript_access_log", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chats_OriginHash_State",
                table: "chats",
                columns: new[] { "OriginHash", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_privacy_audit_KommuneKode_At",
                table: "privacy_audit",
                columns: new[] { "KommuneKode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_transcript_access_log_KommuneKode_At",
                table: "transcript_access_log",
                columns: new[] { "KommuneKode", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "privacy_audit");

            migrationBuilder.DropTable(
                name: "transcript_access_log");

            migrationBuilder.DropIndex(
                name: "IX_chats_OriginHash_State",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "OriginHash",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "ContainsCpr",
                table: "chat_messages");
        }
    }
}
