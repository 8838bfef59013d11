namespace SharedHotline.Load.Host;

/// <summary><c>Hotline:LoadTest</c>: switches on the relay baseline, the process figures and extra agents. Refused in Production.</summary>
public sealed class LoadTestOptions
{
    public const string Section = "Hotline:LoadTest";

    public bool Enabled { get; set; }

    /// <summary>Agents named load.agent1 .. load.agentN, rostered on every turn of the demo partnership.</summary>
    public int Agents { get; set; }

    public int AgentCapacity { get; set; } = 10;
}
