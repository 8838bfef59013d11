using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Tests.Persistence;

/// <summary>An offer, accept or transfer that read a chat just before someone ended it must not bring it back.</summary>
public sealed class OpenChatWritesTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sharedhotline-tests", "holder-" + Guid.NewGuid().ToString("N"));
    private DbContextOptions<HotlineDbContext> _options = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _options = new DbContextOptionsBuilder<HotlineDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "hotline.db")}").Options;
        await using var db = new HotlineDbContext(_options);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_chat_ended_after_it_was_read_keeps_its_ending_and_the_reader_learns_it()
    {
        var chatId = await QueuedChatAsync();
        await using var offering = new HotlineDbContext(_options);
        var chat = await offering.Chats.SingleAsync(c => c.Id == chatId);

        await using (var ending = new HotlineDbContext(_options))
        {
            var same = await ending.Chats.SingleAsync(c => c.Id == chatId);
            same.State = ChatState.Abandoned;
            same.EndedAt = DateTimeOffset.UtcNow;
            await ending.SaveChangesAsync();
        }

        chat.State = ChatState.Assigned;
        chat.AgentId = Guid.NewGuid();
        chat.AssignedAt = DateTimeOffset.UtcNow;
        (await offering.SaveHolderWhileOpenAsync(chat, CancellationToken.None)).Should().BeFalse();

        chat.State.Should().Be(ChatState.Abandoned, "the reader sees the chat as it is now");
        await using var reader = new HotlineDbContext(_options);
        var stored = await reader.Chats.SingleAsync(c => c.Id == chatId);
        stored.State.Should().Be(ChatState.Abandoned);
        stored.AgentId.Should().BeNull();
    }

    [Fact]
    public async Task An_open_chat_gets_its_new_holder_and_a_later_save_writes_nothing_twice()
    {
        var chatId = await QueuedChatAsync();
        await using var offering = new HotlineDbContext(_options);
        var chat = await offering.Chats.SingleAsync(c => c.Id == chatId);
        var agent = Guid.NewGuid();

        chat.State = ChatState.Assigned;
        chat.AgentId = agent;
        (await offering.SaveHolderWhileOpenAsync(chat, CancellationToken.None)).Should().BeTrue();

        offering.Entry(chat).State.Should().Be(EntityState.Unchanged);
        (await offering.SaveChangesAsync()).Should().Be(0);
        await using var reader = new HotlineDbContext(_options);
        var stored = await reader.Chats.SingleAsync(c => c.Id == chatId);
        stored.State.Should().Be(ChatState.Assigned);
        stored.AgentId.Should().Be(agent);
    }

    [Fact]
    public async Task An_accept_made_on_what_was_read_loses_to_an_offer_stored_meanwhile_and_is_decided_again_on_the_row_as_it_is()
    {
        var chatId = await QueuedChatAsync();
        var (mia, peter) = (Guid.NewGuid(), Guid.NewGuid());
        await using var accepting = new HotlineDbContext(_options);
        var chat = await accepting.Chats.SingleAsync(c => c.Id == chatId);

        await using (var routing = new HotlineDbContext(_options))
        {
            var same = await routing.Chats.SingleAsync(c => c.Id == chatId);
            var offered = same.Change(c => c.Offer(peter, 190, DateTimeOffset.UtcNow));
            (await routing.SaveHolderWhileOpenAsync(same, CancellationToken.None, raise: offered)).Should().BeTrue();
        }

        var taken = chat.Change(c => c.Accept(mia, 190, () => Domain.Statistics.ServedIn.Shared, DateTimeOffset.UtcNow, takenFromQueue: true));
        (await accepting.SaveHolderWhileOpenAsync(chat, CancellationToken.None, asRead: true, taken)).Should().BeFalse("Peter was offered the chat after Mia read it");

        (chat.State, chat.AgentId, chat.Version).Should().Be((ChatState.Assigned, peter, 1L), "the refusal reads the row again");
        (await accepting.OutboxMessages.CountAsync(o => o.Type.Contains("ChatAssigned"))).Should().Be(1, "only the stored offer's event");
        var accepted = chat.Change(c => c.Accept(peter, 190, () => Domain.Statistics.ServedIn.Shared, DateTimeOffset.UtcNow, takenFromQueue: false));
        (await accepting.SaveHolderWhileOpenAsync(chat, CancellationToken.None, asRead: true, accepted)).Should().BeTrue();
        chat.Version.Should().Be(2);
    }

    private async Task<Guid> QueuedChatAsync()
    {
        await using var db = new HotlineDbContext(_options);
        var chat = new ChatRecord { Id = Guid.NewGuid(), Reference = "SOR-" + Guid.NewGuid().ToString("N")[..5], KommuneKode = 340, Topic = "pas", State = ChatState.Queued, CreatedAt = DateTimeOffset.UtcNow };
        db.Chats.Add(chat);
        await db.SaveChangesAsync();
        return chat.Id;
    }
}
