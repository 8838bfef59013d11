namespace SharedHotline.Client.Contracts;

/// <summary>The page of the kommune's website whose invitation the citizen accepted: what the agent sees beside the topic.</summary>
public sealed record InvitedFrom(string Url, string? Title);
