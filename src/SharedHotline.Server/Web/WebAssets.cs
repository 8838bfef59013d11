using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedHotline.Server.Web;

/// <summary>The script and style files one page loads, as site-relative URLs.</summary>
public sealed record PageBundle(string Script, IReadOnlyList<string> Styles, IReadOnlyList<string> Preloads);

/// <summary>
/// The front-end bundles that <c>npm run build</c> (run by the server's build) writes to <c>wwwroot/app</c>:
/// Vite's manifest names the hashed file of each entry point. The manifest is read again when it changes,
/// so a rebuilt front end is picked up without a restart.
/// </summary>
public sealed class WebAssets(IWebHostEnvironment environment, ILogger<WebAssets> logger)
{
    public const string UrlPrefix = "/app/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private DateTime? _readStamp;
    private Dictionary<string, ManifestEntry> _manifest = [];

    /// <summary>The folder the bundles are built into.</summary>
    public string Folder => Path.Combine(environment.WebRootPath is { Length: > 0 } root ? root : Path.Combine(environment.ContentRootPath, "wwwroot"), "app");

    /// <summary>The widget loader: a classic script with a stable name, for kommune websites to include.</summary>
    public string WidgetLoaderPath => Path.Combine(Folder, "widget.js");

    /// <summary>The files of entry point <paramref name="entry"/> (e.g. "citizen"), or null when the front end is not built.</summary>
    public PageBundle? Bundle(string entry)
    {
        var manifest = Manifest();
        var (key, main) = manifest.FirstOrDefault(e => e.Value.IsEntry && e.Value.Name == entry);
        if (main is null)
        {
            return null;
        }

        var styles = new List<string>();
        var preloads = new List<string>();
        Collect(manifest, key, styles, preloads, [], isRoot: true);
        return new PageBundle(UrlPrefix + main.File, styles, preloads);
    }

    private static void Collect(IReadOnlyDictionary<string, ManifestEntry> manifest, string key, List<string> styles, List<string> preloads, HashSet<string> seen, bool isRoot)
    {
        if (!seen.Add(key) || !manifest.TryGetValue(key, out var entry))
        {
            return;
        }

        if (!isRoot)
        {
            preloads.Add(UrlPrefix + entry.File);
        }

        foreach (var import in entry.Imports ?? [])
        {
            Collect(manifest, import, styles, preloads, seen, isRoot: false);
        }

        styles.AddRange((entry.Css ?? []).Select(c => UrlPrefix + c).Where(c => !styles.Contains(c)));
    }

    private Dictionary<string, ManifestEntry> Manifest()
    {
        var path = Path.Combine(Folder, ".vite", "manifest.json");
        var stamp = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        lock (_gate)
        {
            if (stamp == _readStamp)
            {
                return _manifest;
            }

            _readStamp = stamp;
            try
            {
                _manifest = stamp == DateTime.MinValue
                    ? []
                    : JsonSerializer.Deserialize<Dictionary<string, ManifestEntry>>(File.ReadAllText(path), Json) ?? [];
            }
            catch (Exception ex) when (ex is IOException or JsonException)
            {
                logger.LogWarning(ex, "The front-end manifest {ManifestPath} could not be read", path);
                _readStamp = null;
                _manifest = [];
            }

            if (_manifest.Count == 0)
            {
                logger.LogError("The front end is not built ({ManifestPath} is missing): build the server project, which runs npm", path);
            }

            return _manifest;
        }
    }

    private sealed record ManifestEntry(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("isEntry")] bool IsEntry,
        [property: JsonPropertyName("imports")] IReadOnlyList<string>? Imports,
        [property: JsonPropertyName("css")] IReadOnlyList<string>? Css);
}
