namespace SharedHotline.Client.Contracts;

/// <summary>A kommune as the wire names it wherever one is referred to: its slug and its name.</summary>
public sealed record KommuneRef(string Slug, string Name);
