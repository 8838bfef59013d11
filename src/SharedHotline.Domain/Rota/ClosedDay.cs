namespace SharedHotline.Domain.Rota;

/// <summary>
/// A yearly date on which the partnership closes, from <see cref="ClosedFrom"/> (whole day when null),
/// e.g. juleaften, nytårsaften, grundlovsdag from 12:00.
/// </summary>
public sealed record ClosedDay(int Month, int Day, string Name, TimeOnly? ClosedFrom = null)
{
    public bool Matches(DateOnly date) => date.Month == Month && date.Day == Day;
}
