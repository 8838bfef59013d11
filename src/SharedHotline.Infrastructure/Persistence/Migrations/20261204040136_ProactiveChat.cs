using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.Migrations
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitedFromUrl",
                table: "chats",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "stat_invitations",
                columns: table => new
                {
                    KommuneKode = table.Column<int>(type: "INTEGER", nullable: false),
                    HourStart = table.Column<long>(type: "INTEGER", nullable: false),
                    LocalDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Shown = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Declined = table.Column<int>(type: "INTEGER", nullable: false),
                    Expired = table.Column<int>(type: "INTEGER", nullable: false)
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
