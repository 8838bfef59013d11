using System.Security.Claims;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Transcripts;

/// <summary>
/// Who may read a transcript of kommune K: K's own staff (home kommune K, any role), and the agent who handled the
/// chat (was assigned it or wrote in it), whatever their kommune. Nobody else: not other kommuners' admins, not
/// coordinators of K's partnership, not agents merely rostered for K.
/// </summary>
public static class TranscriptAccess
{
    public const string HomeKommune = "home-kommune";
    public const string HandledChat = "handled-chat";

    /// <summary>The ground on which <paramref name="user"/> may read the chat, or null when they may not.</summary>
    public static string? Ground(ClaimsPrincipal user, ChatRecord chat, IEnumerable<ChatMessageRecord> messages)
    {
        if (user.HomeKommune() == chat.KommuneKode)
        {
            return HomeKommune;
        }

        var staffId = user.StaffId();
        return staffId != Guid.Empty && (chat.AgentId == staffId || messages.Any(m => m.AgentId == staffId)) ? HandledChat : null;
    }
}
