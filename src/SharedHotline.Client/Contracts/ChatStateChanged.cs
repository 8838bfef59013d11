namespace SharedHotline.Client.Contracts;

/// <summary>The chat's status changed; <paramref name="Reason"/> is one of <see cref="ChatStateReasons"/> when the change needs explaining.</summary>
public sealed record ChatStateChanged(Guid ChatId, ChatStatus Status, string? AgentName, DateTimeOffset At, string? Reason = null);

/// <summary>Why a chat's status changed by itself (<see cref="ChatStateChanged.Reason"/>): a code. The web pages' list is src/shared/codes.ts.</summary>
public static class ChatStateReasons
{
    /// <summary>The hotline closed while the chat waited: it ended, and the citizen is offered a telefonmøde or a message.</summary>
    public const string Closing = "closing";

    /// <summary>The hotline closed while the chat waited: it waits for the next opening (the kommune's choice).</summary>
    public const string HeldOver = "held_over";

    /// <summary>The citizen had no connection to the chat for too long while it waited: it was given up.</summary>
    public const string CitizenGone = "citizen_gone";

    /// <summary>The agent's console lost its connection; the chat stays hers for a short grace before it waits again.</summary>
    public const string AgentAway = "agent_away";

    /// <summary>Every reason, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Closing, HeldOver, CitizenGone, AgentAway];
}
