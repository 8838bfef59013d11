using SharedHotline.Server.Staff;

namespace SharedHotline.IntegrationTests.Staff;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/agent", "/agent")]
    [InlineData("/coordinator?lang=en#week", "/coordinator?lang=en#week")]
    [InlineData("/\t/evil.example/x", "/")]
    [InlineData("/\n/evil.example/x", "/")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("\\/evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(" //evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void A_return_address_after_sign_in_is_kept_only_when_a_browser_would_stay_on_this_site(string? returnUrl, string expected) =>
        ReturnUrls.LocalOrRoot(returnUrl).Should().Be(expected);
}
