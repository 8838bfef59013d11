namespace SharedHotline.Client.Contracts;

/// <summary>
/// A kommune as the wire names it wherever one is referred to: its slug, its name ("København") and its official name
/// ("Københavns Kommune"), which is how a page or text names it.
/// </summary>
public sealed record KommuneRef(string Slug, string Name, string? OfficialName = null);
