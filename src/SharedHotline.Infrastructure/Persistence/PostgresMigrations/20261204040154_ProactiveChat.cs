using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ProactiveChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedFromTitle",
                table: "chats",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedFromUrl",
                table: "chats",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stat_invitations",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "integer", nullable: false),
                    HourStart = table.Column<long>(type: "bigint", nullable: false),
                    LocalDay = table.Column<int>(type: "integer", nullable: false),
                    Shown = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Declined = table.Column<int>(type: "integer", nullable: false),
                    Expired = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stat_invitations", x => new { x.KommuneKode, x.HourStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_stat_invitations_LocalDay",
                table: "stat_invitations",
                column: "LocalDay");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stat_invitations");

            migrationBuilder.DropColumn(
                name: "InvitedFromTitle",
                table: "chats");

            migrationBuilder.DropColumn(
                name: "InvitedFromUrl",
                table: "chats");
        }
    }
}
