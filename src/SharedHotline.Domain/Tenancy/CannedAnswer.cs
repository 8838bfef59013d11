namespace SharedHotline.Domain.Tenancy;

public sealed record CannedAnswer(string Title, string Text);
