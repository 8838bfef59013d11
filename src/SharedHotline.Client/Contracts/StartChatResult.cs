namespace SharedHotline.Client.Contracts;

/// <summary>Either the chat was opened (<see cref="Chat"/>), or the hotline is closed and <see cref="NextOpening"/> says when it opens.</summary>
public sealed record StartChatResult(CitizenChat? Chat, OpeningInfo? NextOpening)
{
    public bool IsClosed => Chat is null;
}
