using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharedHotline.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PerWriterClientMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chat_messages_ChatId_ClientMessageId",
                table: "chat_messages");

            migrationBuilder.AddColumn<string>(
                name: "Writer",
                table: "chat_messages",
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "");

            // The messages stored so far get the writer the code derives (ChatMessageRecord.WriterOf), so a resend
            // that arrives after the upgrade still finds its message.
            migrationBuilder.Sql("""
                UPDATE chat_messages SET Writer = CASE Sender WHEN 'Citizen' THEN 'citizen' WHEN 'Agent' THEN 'agent:' || lower(AgentId) ELSE 'system' END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_chat_messages_ChatId_Writer_ClientMessageId",
                table: "chat_messages",
                columns: new[] { "ChatId", "Writer", "ClientMessageId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chat_messages_ChatId_Writer_ClientMessageId",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "Writer",
                table: "chat_messages");

            migrationBuilder.CreateIndex(
                name: "IX_chat_messages_ChatId_ClientMessageId",
                table: "chat_messages",
                columns: new[] { "ChatId", "ClientMessageId" },
                unique: true);
        }
    }
}
