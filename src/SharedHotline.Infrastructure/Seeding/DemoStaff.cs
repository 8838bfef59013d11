using System.Security.Cryptography;
using System.Text;

namespace SharedHotline.Infrastructure.Seeding;

/// <summary>The demo staff: a few agents per kommune, one coordinator, an admin per kommune (København's is also the platform's). Ids are stable so the rota can name them.</summary>
public static class DemoStaff
{
    public const string PartnershipId = "nordsjaelland-vestsjaelland";

    public sealed record Person(string UserName, string DisplayName, int HomeKommune, string[] Skills, string[] Roles);

    public static IReadOnlyList<Person> People { get; } =
    [
        new("anne.fredensborg", "Anne Højgaard", 210, ["pas", "koerekort", "folkeregister"], ["agent"]),
        new("lars.fredensborg", "Lars Bæk", 210, ["mitid", "digital-post", "sygedagpenge"], ["agent"]),
        new("jens.frederikssund", "Jens Ørsted", 250, ["pas", "mitid", "kontanthjaelp"], ["agent"]),
        new("kirsten.frederikssund", "Kirsten Åberg", 250, ["folkeregister", "boliganvisning", "pladsanvisning"], ["agent"]),
        new("mia.fureso", "Mia Søgaard", 190, ["koerekort", "digital-post", "sygedagpenge"], ["agent"]),
        new("peter.fureso", "Peter Kjær", 190, ["pas", "folkeregister", "kontanthjaelp"], ["agent"]),
        new("hanne.holbaek", "Hanne Holm", 316, ["pas", "koerekort", "mitid"], ["agent"]),
        new("soeren.holbaek", "Søren Ærenlund", 316, ["folkeregister", "sygedagpenge", "kontanthjaelp"], ["agent"]),
        new("sofie.soroe", "Sofie Lykkegård", 340, ["pas", "digital-post", "pladsanvisning"], ["agent"]),
        new("bo.soroe", "Bo Mølgaard", 340, ["mitid", "folkeregister", "boliganvisning"], ["agent"]),
        new("ida.koebenhavn", "Ida Brøndum", 101, ["pas", "koerekort", "folkeregister", "mitid"], ["agent"]),
        new("ali.koebenhavn", "Ali Hansen", 101, ["digital-post", "sygedagpenge", "kontanthjaelp"], ["agent"]),
        new("emma.koebenhavn", "Emma Dahl", 101, ["boliganvisning", "pladsanvisning", "andet"], ["agent"]),
        new("koordinator", "Karen Østergaard", 316, ["andet"], ["agent", "coordinator"]),
        new("admin", "Hotline-administrator", 101, [], ["admin", "platform-admin"]),
        new("admin.fredensborg", "Birgitte Vang", 210, [], ["admin"]),
        new("admin.frederikssund", "Henrik Dalsgaard", 250, [], ["admin"]),
        new("admin.fureso", "Louise Friis", 190, [], ["admin"]),
        new("admin.holbaek", "Torben Mørk", 316, [], ["admin"]),
        new("admin.soroe", "Camilla Bøgh", 340, [], ["admin"]),
    ];

    /// <summary>A stable id derived from the user name, so that the seeded rota and tests agree.</summary>
    public static Guid IdOf(string userName) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("sharedhotline-demo:" + userName)).AsSpan(0, 16));

    public static IReadOnlyList<Guid> AgentsOf(int kommuneKode) =>
        People.Where(p => p.HomeKommune == kommuneKode && p.Roles.Contains("agent") && p.UserName != "koordinator")
            .Select(p => IdOf(p.UserName)).ToList();
}
