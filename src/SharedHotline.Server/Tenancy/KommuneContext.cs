using SharedHotline.Domain.Tenancy;

namespace SharedHotline.Server.Tenancy;

/// <summary>The kommune a request or hub call is about, and how it was found.</summary>
public sealed record KommuneContext(Kommune Kommune, string Identifier, string Strategy);
