using SharedHotline.Domain.Invitations;

namespace SharedHotline.Domain.Events;

/// <summary>
/// An invitation to chat on a kommune's website was shown, accepted, declined or expired unanswered. It carries no page,
/// no address and nothing of the citizen: only what the statistics count per kommune and hour.
/// </summary>
public sealed record InvitationCounted(Guid InvitationId, int KommuneKode, InvitationOutcome Outcome, DateTimeOffset At) : IDomainEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
}
