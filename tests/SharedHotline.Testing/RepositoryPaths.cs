namespace SharedHotline.Testing;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ServerProject => Path.Combine(Root, "src", "SharedHotline.Server");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SharedHotline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SharedHotline.sln not found above the test binaries.");
    }
}
