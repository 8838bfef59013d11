using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Rota;

/// <summary>Reads of one partnership's rota for its coordinators and administrators; every answer carries the rota's ETag.</summary>
public sealed class RotaReading(HotlineDbContext db)
{
    public HotlineDbContext Db => db;

    public Task<IResult> ReadAsync(string partnershipId, HttpContext http, Func<PartnershipRecord, IResult> read, CancellationToken ct) =>
        ReadAsync(partnershipId, http, r => Task.FromResult(read(r)), ct);

    public async Task<IResult> ReadAsync(string partnershipId, HttpContext http, Func<PartnershipRecord, Task<IResult>> read, CancellationToken ct)
    {
        var (record, denied) = await RotaAccess.LoadAsync(db, partnershipId, http.User, forEdit: false, ct);
        if (denied is not null)
        {
            return denied;
        }

        RotaETag.Set(http.Response, record!.Version);
        return await read(record);
    }
}
