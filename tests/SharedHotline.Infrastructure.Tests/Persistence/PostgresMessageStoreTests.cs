using Microsoft.EntityFrameworkCore;
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
