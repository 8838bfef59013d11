namespace SharedHotline.Client.Contracts;

/// <summary>
/// A colleague a chat may be handed to now: available, and one whom routing lets answer the chat's citizen (on the same
/// shared slot, of the citizen's own kommune in its own hours, or its overflow partner). <c>OnSlot</c> is true for a
/// colleague rostered on the current slot; <c>CanTakeChat</c> false when she has no free place.
/// </summary>
public sealed record TransferTarget(Guid AgentId, string Name, string HomeKommune, bool OnSlot, bool CanTakeChat);
