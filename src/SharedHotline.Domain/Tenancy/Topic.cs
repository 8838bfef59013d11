namespace SharedHotline.Domain.Tenancy;

/// <summary>What a citizen needs help with; <see cref="Code"/> is also an agent skill. <see cref="EnglishName"/> for the English pages.</summary>
public sealed record Topic(string Code, string Name, string? EnglishName = null)
{
    private static readonly Dictionary<string, string> StandardEnglish = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pas"] = "Passport",
        ["koerekort"] = "Driving licence",
        ["folkeregister"] = "Civil registration/moving",
        ["mitid"] = "NemID/MitID",
        ["digital-post"] = "Digital Post",
        ["sygedagpenge"] = "Sickness benefit",
        ["kontanthjaelp"] = "Social assistance",
        ["boliganvisning"] = "Housing allocation",
        ["pladsanvisning"] = "Childcare places",
        ["andet"] = "Other",
    };

    /// <summary>The English name: the configured one, the standard topic's, or the Danish name.</summary>
    public string NameInEnglish => EnglishName ?? StandardEnglish.GetValueOrDefault(Code) ?? Name;

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
