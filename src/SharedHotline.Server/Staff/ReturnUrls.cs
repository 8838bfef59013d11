namespace SharedHotline.Server.Staff;

/// <summary>
/// A return address after sign-in must stay on this site. It is read as a browser will follow it: browsers drop tabs
/// and newlines anywhere and read a backslash as a slash, so <c>/%09/evil.example</c> becomes <c>//evil.example</c>,
/// another host. Anything that does not resolve to a path on this site becomes <c>/</c>.
/// </summary>
public static class ReturnUrls
{
    private static readonly Uri Self = new("https://self.invalid/");

    public static string LocalOrRoot(string? returnUrl)
    {
        if (returnUrl is not { Length: > 0 and <= 512 })
        {
            return "/";
        }

        var asFollowed = string.Concat(returnUrl.Where(c => c is not ('\t' or '\n' or '\r'))).Trim().Replace('\\', '/');
        if (!asFollowed.StartsWith('/') || asFollowed.StartsWith("//", StringComparison.Ordinal)
            || !Uri.TryCreate(Self, asFollowed, out var resolved) || resolved.Authority != Self.Authority || resolved.Scheme != Self.Scheme)
        {
            return "/";
        }

        return resolved.PathAndQuery + resolved.Fragment;
    }
}
