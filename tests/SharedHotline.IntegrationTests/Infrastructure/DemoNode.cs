namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>The settings of a demo node started as its own process (<see cref="NodeProcess"/>).</summary>
public static class DemoNode
{
    /// <summary>
    /// A demo node of a two-node region on Tuesday evening's clock: one Redis (under <paramref name="prefix"/>) and one
    /// data folder shared with the other node; <paramref name="nodeTtl"/> is how soon the others count it dead.
    /// </summary>
    public static Dictionary<string, string> Settings(string redis, string prefix, string dataFolder, string node, TimeSpan nodeTtl) => new()
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Hotline:Redis:Prefix"] = prefix,
        ["Hotline:Redis:NodeId"] = node,
        ["Hotline:Redis:NodeTtl"] = nodeTtl.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Hotline:DataFolder"] = dataFolder,
        ["Hotline:SeedDemoData"] = "true",
        ["Hotline:SeedDemoHistory"] = "false",
        ["Hotline:DemoPassword"] = HotlineServer.DemoPassword,
        ["Hotline:Clock:StartAt"] = Demo.TuesdayEvening.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };
}
