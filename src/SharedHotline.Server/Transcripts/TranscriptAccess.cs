using System.Security.Claims;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Transcripts;

/// <summary>
/// Who may read a transcript of kommune K: K's own staff (home kommune K, any role), and the agent who handled the
/// chat (was assigned it or wrote in it), whatever their kommune. Nobody else: not other kommuners' admins, not
/// coordinators of K's partnership, not agents merely rostered for K. The handling agent's ground ends with K's
/// retention period, counted from the end of the chat, even before the retention job has deleted the chat.
/// </summary>
public static class TranscriptAccess
{
    public const string HomeKommune = "home-kommune";
    public const string HandledChat = "handled-chat";

    /// <summary>The ground on which <paramref name="user"/> may read the chat, or null when they may not.</summary>
    public static string? Ground(ClaimsPrincipal user, ChatRecord chat, IEnumerable<ChatMessageRecord> messages, int retentionDays, DateTimeOffset now)
    {
        if (user.HomeKommune() == chat.KommuneKode)
        {
            return HomeKommune;
        }

        if (chat.EndedAt is { } ended && ended + TimeSpan.FromDays(Math.Max(1, retentionDays)) <= now)
        {
            return null;
        }

        var staffId = user.StaffId();
        return staffId != Guid.Empty && (chat.AgentId == staffId || messages.Any(m => m.AgentId == staffId)) ? HandledChat : null;
    }
}
