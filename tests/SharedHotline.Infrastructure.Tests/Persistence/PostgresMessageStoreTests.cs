using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Testing;

namespace SharedHotline.Infrastructure.Tests.Persistence;

/// <summary>The message path's one command on a real PostgreSQL server: read the chat, store only while it is open.</summary>
public sealed class PostgresMessageStoreTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private DbContextOptions<PostgresHotlineDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _options = new DbContextOptionsBuilder<PostgresHotlineDbContext>()
            .UseNpgsql(PostgresConnectionTuning.Apply(await _postgres.CreateDatabaseAsync()))
            .Options;
        await using var db = new PostgresHotlineDbContext(_options);
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task A_message_is_stored_with_the_chats_citizen_name_while_the_chat_is_open_and_refused_once_it_has_ended()
    {
        var agent = Guid.NewGuid();
        var chatId = Guid.NewGuid();
        await using (var db = new PostgresHotlineDbContext(_options))
        {
            db.Chats.Add(new ChatRecord { Id = chatId, Reference = "HOL-PG0001", KommuneKode = 316, Topic = "pas", CitizenName = "Ærø Åberg", State = ChatState.Active, AgentId = agent, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var first = await StoreAsync(chatId, "pg-a");
        var second = await StoreAsync(chatId, "pg-b");
        var fromTheAgent = await StoreAsync(chatId, "pg-agent", agent);
        var fromAnotherAgent = await StoreAsync(chatId, "pg-other-agent", Guid.NewGuid());
        await using (var db = new PostgresHotlineDbContext(_options))
        {
            var chat = await db.Chats.SingleAsync(c => c.Id == chatId);
            chat.State = ChatState.Ended;
            await db.SaveChangesAsync();
        }

        var afterEnd = await StoreAsync(chatId, "pg-after-end");
        var noChat = await StoreAsync(Guid.NewGuid(), "pg-no-chat");

        first.Chat.Should().Be(new ChatFacts("HOL-PG0001", 316, "Ærø Åberg", ChatState.Active, agent));
        first.Seq.Should().Be(1);
        second.Seq.Should().Be(2);
        fromTheAgent.Seq.Should().Be(3, "the chat is this agent's");
        fromAnotherAgent.Seq.Should().BeNull("an agent the chat is not assigned to writes nothing");
        afterEnd.Chat.Should().BeNull("an ended chat takes no more messages");
        afterEnd.Seq.Should().BeNull();
        noChat.Chat.Should().BeNull();
        noChat.Seq.Should().BeNull();
        await using var reader = new PostgresHotlineDbContext(_options);
        var stored = await reader.Messages.Where(m => m.ChatId == chatId).OrderBy(m => m.Seq).ToListAsync();
        stored.Select(m => m.ClientMessageId).Should().Equal("pg-a", "pg-b", "pg-agent");
        stored.Where(m => m.Sender == MessageSender.Citizen).Should().OnlyContain(m => m.SenderName == "Ærø Åberg");
        stored.Single(m => m.Sender == MessageSender.Agent).SenderName.Should().Be("Mia");
    }

    [Fact]
    public async Task Each_writer_has_her_own_client_message_ids_and_a_later_number_is_never_dated_earlier()
    {
        var agent = Guid.NewGuid();
        var chatId = Guid.NewGuid();
        await using (var db = new PostgresHotlineDbContext(_options))
        {
            db.Chats.Add(new ChatRecord { Id = chatId, Reference = "HOL-PG0002", KommuneKode = 316, Topic = "pas", State = ChatState.Active, AgentId = agent, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var late = CitizenMessages.New(chatId, "1");
        late.SentAt = late.SentAt.AddMilliseconds(200);
        await using (var db = new PostgresHotlineDbContext(_options))
        {
            await ChatMessageInsert.ExecuteAsync(db, late, CancellationToken.None);
        }

        var fromTheAgent = await StoreAsync(chatId, "1", agent);

        fromTheAgent.Seq.Should().Be(2, "the citizen's message 1 is not the agent's");
        await using var reader = new PostgresHotlineDbContext(_options);
        var stored = await reader.Messages.Where(m => m.ChatId == chatId).OrderBy(m => m.Seq).ToListAsync();
        stored.Select(m => m.Sender).Should().Equal(MessageSender.Citizen, MessageSender.Agent);
        stored[1].SentAt.Should().BeOnOrAfter(stored[0].SentAt, "the agent's clock read came first, her number second");
    }

    [Fact]
    public async Task Messages_stored_before_the_upgrade_are_found_by_a_resend_of_the_same_writer()
    {
        var options = new DbContextOptionsBuilder<PostgresHotlineDbContext>().UseNpgsql(await _postgres.CreateDatabaseAsync()).Options;
        var chatId = Guid.NewGuid();
        var mia = Guid.NewGuid();
        await using var db = new PostgresHotlineDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync("20261203130112_StaffSessions");
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO chats (\"Id\", \"Reference\", \"KommuneKode\", \"Topic\", \"State\", \"CreatedAt\", \"AgentId\") VALUES ({0}, 'HOL-MIGR01', 316, 'pas', 'Active', 0, {1})", chatId, mia);
        foreach (var (seq, sender, agent) in new[] { (1, "System", ""), (2, "Citizen", ""), (3, "Agent", mia.ToString()) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO chat_messages (\"Id\", \"ChatId\", \"Seq\", \"ClientMessageId\", \"Sender\", \"AgentId\", \"Text\", \"ContainsCpr\", \"SentAt\") VALUES ({0}, {1}, {2}, {3}, {4}, NULLIF({5}, '')::uuid, 'tekst', false, 0)",
                Guid.NewGuid(), chatId, (long)seq, $"m{seq}", sender, agent);
        }

        await db.Database.MigrateAsync();

        var writers = await db.Database.SqlQueryRaw<string>("SELECT \"Writer\" AS \"Value\" FROM chat_messages ORDER BY \"Seq\"").ToListAsync();
        writers.Should().Equal("system", "citizen", ChatMessageRecord.WriterOf(MessageSender.Agent, mia));
    }

    private async Task<(ChatFacts? Chat, long? Seq)> StoreAsync(Guid chatId, string clientMessageId, Guid? agentId = null)
    {
        await using var db = new PostgresHotlineDbContext(_options);
        var message = CitizenMessages.New(chatId, clientMessageId, agentId is null ? null : "Mia");
        if (agentId is not null)
        {
            message.Sender = MessageSender.Agent;
            message.AgentId = agentId;
        }

        var chat = await ChatMessageInsert.ExecuteForChatAsync(db, message, agentId is null ? CitizenMessages.Writable : [ChatState.Active], CancellationToken.None);
        return (chat, chat is null ? null : message.Seq);
    }
}
