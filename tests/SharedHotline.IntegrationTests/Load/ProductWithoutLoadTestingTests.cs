using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Load.Host;

namespace SharedHotline.IntegrationTests.Load;

public sealed class ProductWithoutLoadTestingTests
{
    [Fact]
    public async Task The_product_maps_no_relay_hub_and_no_process_figures_even_with_the_load_test_setting_on()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["Hotline:LoadTest:Enabled"] = "true",
            ["Hotline:LoadTest:Agents"] = "2",
        });

        (await server.Http.PostAsync(new Uri(RelayHub.Path + "/negotiate?negotiateVersion=1", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await server.Http.GetAsync(new Uri("/api/load-test/process", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        server.Services.GetService<ConnectionCounter>().Should().BeNull("no hub filter of the load tests runs in the product");
        server.Services.GetService<LoadTestSeeder>().Should().BeNull();
    }
}
