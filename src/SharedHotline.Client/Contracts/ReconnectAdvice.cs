namespace SharedHotline.Client.Contracts;

/// <summary>
/// The <c>Reconnect</c> event: this node is going away (a rolling upgrade, a scale-down). Close this connection and open a
/// new one through the load balancer, which sends it to another node, then resume as after any reconnect: a citizen
/// calls <c>ResumeChat(token, lastSeq)</c>, an agent fetches her session and the messages she has not seen. The chat
/// stays where it is (the same agent, the same numbers); the node does not accept new connections meanwhile.
/// </summary>
public sealed record ReconnectAdvice(string Reason)
{
    /// <summary>The node drains before it stops.</summary>
    public const string Draining = "draining";
}
