using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>Agents' first names as shown with their messages, remembered so a message costs no staff lookup.</summary>
public sealed class AgentNames
{
    private readonly ConcurrentDictionary<Guid, string> _firstNames = new();

    public async ValueTask<string> FirstNameAsync(HotlineDbContext db, Guid agentId, CancellationToken ct)
    {
        if (_firstNames.TryGetValue(agentId, out var known))
        {
            return known;
        }

        var display = await db.Staff.AsNoTracking().Where(s => s.Id == agentId).Select(s => s.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return _firstNames[agentId] = ChatViews.FirstName(display);
    }
}
