namespace SharedHotline.Domain.Tenancy;

/// <summary>What a citizen needs help with; <see cref="Code"/> is also an agent skill.</summary>
public sealed record Topic(string Code, string Name)
{
    public static IReadOnlyList<Topic> Standard { get; } =
    [
        new("pas", "Pas"),
        new("koerekort", "Kørekort"),
        new("folkeregister", "Folkeregister/flytning"),
        new("mitid", "NemID/MitID"),
        new("digital-post", "Digital Post"),
        new("sygedagpenge", "Sygedagpenge"),
        new("kontanthjaelp", "Kontanthjælp"),
        new("boliganvisning", "Boliganvisning"),
        new("pladsanvisning", "Pladsanvisning"),
        new("andet", "Andet"),
    ];
}
