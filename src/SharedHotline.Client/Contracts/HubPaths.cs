namespace SharedHotline.Client.Contracts;

public static class HubPaths
{
    public const string Citizen = "/hubs/citizen";
    public const string Agent = "/hubs/agent";
}
