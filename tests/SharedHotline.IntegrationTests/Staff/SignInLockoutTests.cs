using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Staff;

/// <summary>Wrong passwords: bounded even in parallel, locking out the guesser's address rather than the colleague, unlockable by the admin.</summary>
public sealed class SignInLockoutTests
{
    private static readonly Dictionary<string, string?> BehindProxy = new() { ["Hotline:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };

    [Fact]
    public async Task Ten_wrong_passwords_sent_at_once_still_lock_the_address_out_and_no_more_than_five_are_checked()
    {
        var hasher = new CountingHasher();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, configure: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        hasher.Verified = 0;

        var wrong = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SignInAsync(server, Demo.HolbaekAgent, "gæt" + i)));
        var right = await SignInAsync(server, Demo.HolbaekAgent, HotlineServer.DemoPassword);

        wrong.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        right.Should().Be(HttpStatusCode.Unauthorized, "five wrong guesses used up this address's tries");
        hasher.Verified.Should().BeLessThanOrEqualTo(5, "a guess is counted before its password is checked");
    }

    [Fact]
    public async Task Someone_typing_wrong_passwords_for_a_colleague_locks_out_only_their_own_address()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, BehindProxy);
        for (var i = 0; i < 6; i++)
        {
            await SignInAsync(server, Demo.HolbaekAgent, "gæt" + i, from: "203.0.113.66");
        }

        (await SignInAsync(server, Demo.HolbaekAgent, HotlineServer.DemoPassword, from: "203.0.113.66")).Should().Be(HttpStatusCode.Unauthorized);
        (await SignInAsync(server, Demo.HolbaekAgent, HotlineServer.DemoPassword, from: "198.51.100.7")).Should().Be(HttpStatusCode.OK, "Hanne at her own desk still signs in");
    }

    [Fact]
    public async Task Guessing_from_many_addresses_locks_the_account_and_the_kommunes_admin_unlocks_it()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, BehindProxy);
        await StaffAccounts.AddAsync(server, "admin.holbaek", 316, [StaffRoles.Admin]);
        using var admin = await StaffAccounts.ClientAsync(server, "admin.holbaek");
        for (var i = 0; i < 20; i++)
        {
            await SignInAsync(server, Demo.HolbaekAgent, "gæt", from: $"203.0.113.{i + 1}");
        }

        var lockedOut = await SignInAsync(server, Demo.HolbaekAgent, HotlineServer.DemoPassword, from: "198.51.100.7");
        using var unlock = await admin.PostAsync($"/api/kommuner/holbaek/staff/{DemoStaff.IdOf(Demo.HolbaekAgent)}/unlock", null);
        var afterUnlock = await SignInAsync(server, Demo.HolbaekAgent, HotlineServer.DemoPassword, from: "198.51.100.7");

        lockedOut.Should().Be(HttpStatusCode.Unauthorized);
        unlock.StatusCode.Should().Be(HttpStatusCode.OK);
        afterUnlock.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, configure: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        hasher.Verified = 0;

        (await SignInAsync(server, "ingen.bruger", "gæt")).Should().Be(HttpStatusCode.Unauthorized);

        hasher.Verified.Should().Be(1, "so that timing does not tell which user names exist");
    }

    private static async Task<HttpStatusCode> SignInAsync(HotlineServer server, string userName, string password, string? from = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName, password }) };
        if (from is not null)
        {
            request.Headers.Add("X-Forwarded-For", from);
        }

        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private sealed class CountingHasher : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _inner = new();
        private int _verified;

        public int Verified { get => Volatile.Read(ref _verified); set => Volatile.Write(ref _verified, value); }

        public string HashPassword(StaffAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
