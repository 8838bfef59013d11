namespace SharedHotline.Infrastructure.Persistence;

/// <summary>How much of an invited page's address and title a chat keeps.</summary>
public static class InvitedPageLimits
{
    public const int MaxUrl = 500;
    public const int MaxTitle = 200;
}
