using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaffSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "staff",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "staff_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_CreatedAt",
                table: "staff_sessions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_staff_sessions_StaffId",
                table: "staff_sessions",
                column: "StaffId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_sessions");

            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "staff");
        }
    }
}
