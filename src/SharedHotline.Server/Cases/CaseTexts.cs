using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Cases;

/// <summary>How a case's time reads to a Danish citizen, and the telefonmøde as a calendar file.</summary>
public static class CaseTexts
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string When(DateTimeOffset start)
    {
        var local = NodaTime.Instant.FromDateTimeOffset(start).InZone(RotaSnapshot.Copenhagen).LocalDateTime;
        return local.ToString("dddd 'd.' d. MMMM 'kl.' HH.mm", Danish);
    }

    public static string Calendar(CaseRecord c, Kommune kommune)
    {
        var zone = "Europe/Copenhagen";
        var local = NodaTime.Instant.FromDateTimeOffset(c.MeetingStart!.Value).InZone(RotaSnapshot.Copenhagen).LocalDateTime;
        var calendar = new Ical.Net.Calendar { ProductId = "-//SharedHotline//Telefonmoede//DA" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{c.Id:N}@sharedhotline.dk",
            Summary = $"Telefonmøde med {kommune.OfficialName} ({kommune.Settings.FindTopic(c.Topic)?.Name ?? c.Topic})",
            Description = $"{kommune.OfficialName} ringer dig op. Reference: {c.Reference}.",
            Start = new CalDateTime(local.ToDateTimeUnspecified(), zone),
            End = new CalDateTime(local.PlusMinutes(c.MeetingMinutes).ToDateTimeUnspecified(), zone),
            DtStamp = new CalDateTime(c.CreatedAt.UtcDateTime, "UTC"),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
