namespace SharedHotline.Domain.Tenancy;

/// <summary>A municipality: the tenant. <see cref="Kode"/> is the stable key, <see cref="Slug"/> what requests carry.</summary>
public sealed record Kommune(int Kode, string Slug, string Name, KommuneSettings Settings)
{
    /// <summary>The letters that begin the kommune's chat and case references, unique among the kommuner.</summary>
    public string ReferencePrefix => Settings.ReferencePrefix ?? DefaultPrefix(Slug);

    /// <summary>The kommune's official name, as every page and text names it: "Sorø Kommune", "Københavns Kommune".</summary>
    public string OfficialName => $"{Settings.NameGenitive ?? Name} Kommune";

    /// <summary>The first three letters of the slug; kommuner whose slugs share them configure their own.</summary>
    public static string DefaultPrefix(string slug) =>
        new string(slug.Where(char.IsAsciiLetter).Take(3).Select(char.ToUpperInvariant).ToArray()).PadRight(3, 'X');
}
