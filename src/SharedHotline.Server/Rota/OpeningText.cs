using NodaTime;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Server.Rota;

/// <summary>Turns an opening window into what a citizen reads: "Vi åbner igen mandag kl. 15.00".</summary>
public static class OpeningText
{
    private static readonly string[] Days = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];
    private static readonly string[] Months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

    public static string Danish(ZonedDateTime start, Instant now)
    {
        var today = now.InZone(start.Zone).Date;
        var day = start.Date;
        var time = $"kl. {start.Hour:00}.{start.Minute:00}";
        var when = Period.Between(today, day, PeriodUnits.Days).Days switch
        {
            0 => "i dag",
            1 => "i morgen",
            < 7 => Days[(int)day.DayOfWeek % 7],
            _ => $"{Days[(int)day.DayOfWeek % 7]} den {day.Day}. {Months[day.Month - 1]}",
        };
        return $"Vi åbner igen {when} {time}";
    }

    public static OpeningInfo ToInfo(OpeningWindow window, RotaSnapshot rota, Instant now) => new(
        window.Start.ToDateTimeOffset(),
        window.End.ToDateTimeOffset(),
        ToDto(window.Mode),
        rota.RefOf(window.ResponsibleKommune),
        Danish(window.Start, now));

    /// <summary>The kommune as the wire refers to one; a code no longer in the rota is shown as itself.</summary>
    public static KommuneRef RefOf(this RotaSnapshot rota, int kode) =>
        rota.FindKommune(kode) is { } k
            ? new KommuneRef(k.Slug, k.Name, k.OfficialName)
            : new KommuneRef(kode.ToString(System.Globalization.CultureInfo.InvariantCulture), kode.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static OpeningModeDto ToDto(OpeningMode mode) => mode switch
    {
        OpeningMode.Own => OpeningModeDto.Own,
        OpeningMode.Shared => OpeningModeDto.Shared,
        _ => OpeningModeDto.Closed,
    };

    public static string SlugOf(this RotaSnapshot rota, int kode) =>
        rota.FindKommune(kode)?.Slug ?? kode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Kommune RequireKommune(this RotaSnapshot rota, int kode) =>
        rota.FindKommune(kode) ?? throw new InvalidOperationException($"Kommune {kode} is not in the rota snapshot.");
}
