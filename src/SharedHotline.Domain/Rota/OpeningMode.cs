namespace SharedHotline.Domain.Rota;

public enum OpeningMode
{
    Closed,

    /// <summary>The kommune's own borgerservice (or own hotline) answers.</summary>
    Own,

    /// <summary>The partnership's shared rota answers.</summary>
    Shared,
}
