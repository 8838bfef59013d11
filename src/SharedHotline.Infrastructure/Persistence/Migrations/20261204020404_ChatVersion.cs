using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ChatVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "chats",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "chats");
        }
    }
}
