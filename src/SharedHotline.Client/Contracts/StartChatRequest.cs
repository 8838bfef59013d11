namespace SharedHotline.Client.Contracts;

/// <summary>A citizen opens a chat with their own kommune (slug) about a topic (code), perhaps from an invitation on its website.</summary>
public sealed record StartChatRequest(string Kommune, string Topic, string? FirstName = null, InvitationContext? Invitation = null);
