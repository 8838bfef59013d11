using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Security;

/// <summary>
/// Caps the chats waiting in the queue that were started from one IP address. The address is stored only as a keyed
/// hash (<see cref="OriginHashKey"/>) on the chat, and goes with the chat when it is deleted.
/// </summary>
public sealed class QueuedChatCap(HotlineDbContext db, IOptionsMonitor<HotlineLimits> limits, OriginHashKey originKey)
{
    /// <summary>Returns the origin hash to store on the new chat, or refuses with <c>rate_limited</c> when the cap is reached.</summary>
    public async Task<string?> CheckAsync(IPAddress? address, CancellationToken ct)
    {
        if (address is null)
        {
            return null;
        }

        var hash = Hash(ClientAddress.Of(address));
        var cap = limits.CurrentValue.QueuedChatsPerIp;
        var waiting = await db.Chats.CountAsync(c => c.OriginHash == hash && c.State == ChatState.Queued, ct);
        if (waiting >= cap)
        {
            throw new HotlineException(HotlineErrorCode.RateLimited, $"{waiting} chats from your network are already waiting; at most {cap} may wait at once. Please wait until one is answered.");
        }

        return hash;
    }

    private string Hash(string address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(originKey.Key, Encoding.UTF8.GetBytes(address)))[..32];
}
