namespace SharedHotline.Domain.Tenancy;

public sealed record SelfServiceLink(string Title, string Url);
