using System.Net;
using FluentAssertions;

namespace TrioTest.Testing.Tests.Http;

public class VirtualHttpHandlerTests
{
    [Fact]
    public void Get_ScriptedLatency_TakesThatMuchVirtualTime()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/quote").Respond("9.50", latency: TimeSpan.FromMilliseconds(80));

        string body = Run(async client =>
        {
            string quote = await client.GetStringAsync("/quote");
            Trio.CurrentTime.Should().Be(TimeSpan.FromMilliseconds(80));
            return quote;
        }, handler);

        body.Should().Be("9.50");
        handler.Exchanges.Should().ContainSingle().Which.Should().Match<VirtualHttpExchange>(e =>
            e.Status == HttpStatusCode.OK && e.Outcome == "response" && e.Duration == TimeSpan.FromMilliseconds(80) && e.Task == "main");
    }

    [Fact]
    public void TwelveUrls_SequentialTakeTheSum_ConcurrentTakeTheLargest()
    {
        var handler = new VirtualHttpHandler();
        for (int i = 1; i <= 12; i++)
        {
            handler.MapGet($"/page/{i}").Respond($"page {i}", latency: TimeSpan.FromMilliseconds(100 * i));
        }

        (TimeSpan sequential, TimeSpan concurrent) = Run(async client =>
        {
            for (int i = 1; i <= 12; i++)
            {
                await client.GetStringAsync($"/page/{i}");
            }

            TimeSpan afterSequential = Trio.CurrentTime;
            await Nursery.RunAsync(nursery =>
            {
                for (int i = 1; i <= 12; i++)
                {
                    int page = i;
                    nursery.StartSoon(() => client.GetStringAsync($"/page/{page}"), $"fetch{page}");
                }

                return Task.CompletedTask;
            });
            return (afterSequential, Trio.CurrentTime - afterSequential);
        }, handler);

        sequential.Should().Be(TimeSpan.FromMilliseconds(100 * 78));
        concurrent.Should().Be(TimeSpan.FromMilliseconds(1200));
    }

    [Fact]
    public void Script_TakesRepliesInOrderAndRepeatsTheLast()
    {
        var handler = new VirtualHttpHandler();
        VirtualRoute route = handler.MapGet("/flaky")
            .Respond(HttpStatusCode.ServiceUnavailable)
            .Reset(after: TimeSpan.FromSeconds(1))
            .Respond("ok");

        string[] outcomes = Run(async client =>
        {
            var seen = new List<string>();
            for (int i = 0; i < 4; i++)
            {
                try
                {
                    using HttpResponseMessage response = await client.GetAsync("/flaky");
                    seen.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException e) when (e.InnerException is IOException)
                {
                    seen.Add("reset");
                }
            }

            return seen.ToArray();
        }, handler);

        outcomes.Should().Equal("503", "reset", "200", "200");
        route.Calls.Should().Be(4);
        handler.Exchanges.Select(e => e.Outcome).Should().Equal("response", "reset", "response", "response");
    }

    [Fact]
    public void Hang_WaitsUntilTheCallerCancels()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/slow").Hang();

        bool finished = Run(client => Trio.MoveOnAfterAsync(TimeSpan.FromSeconds(30), () => client.GetAsync("/slow", Trio.CancellationToken)), handler);

        finished.Should().BeFalse();
        handler.Exchanges.Should().ContainSingle().Which.Should().Match<VirtualHttpExchange>(e => e.Outcome == "cancelled" && e.Finished == TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Timeout_TokenFromATimeProviderSource_CancelsAScriptedLatency()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/slow").Respond("late", latency: TimeSpan.FromMinutes(1));

        Type error = Run(async client =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), Trio.TimeProvider);
            try
            {
                await client.GetStringAsync("/slow", timeout.Token);
                return typeof(void);
            }
            catch (OperationCanceledException e)
            {
                Trio.CurrentTime.Should().Be(TimeSpan.FromSeconds(2));
                return e.GetType();
            }
        }, handler);

        error.Should().BeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public void UnmappedRequest_FailsSayingHowToMapIt()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/known").Respond("x");

        Action run = () => Run(client => client.GetStringAsync("/unknown?x=1"), handler);

        run.Should().Throw<InvalidOperationException>()
            .WithMessage("VirtualHttpHandler has no route for GET /unknown?x=1: map it with handler.Map(HttpMethod.Get, \"/unknown\").Respond(...). Mapped: GET /known.");
    }

    [Fact]
    public void Map_RoutesWithAQuery_WinOverThePathAlone()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/search").Respond("any");
        handler.MapGet("/search?q=tea").Respond("tea");

        (string tea, string other) = Run(async client => (await client.GetStringAsync("/search?q=tea"), await client.GetStringAsync("/search?q=cake")), handler);

        tea.Should().Be("tea");
        other.Should().Be("any");
    }

    [Fact]
    public void Map_BadInput_IsRejectedWithAReason()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/a");

        handler.Invoking(h => h.MapGet("a")).Should().Throw<ArgumentException>().WithMessage("*starts with '/'*");
        handler.Invoking(h => h.MapGet("/a")).Should().Throw<ArgumentException>().WithMessage("*mapped already*");
        handler.Invoking(h => h.DefaultLatency = TimeSpan.FromSeconds(-1)).Should().Throw<ArgumentOutOfRangeException>();
        handler.MapGet("/b").Invoking(r => r.Respond("x", latency: TimeSpan.FromTicks(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Send_OutsideARun_FailsWithAClearMessage()
    {
        var handler = new VirtualHttpHandler();
        handler.MapGet("/a").Respond("x");
        using var client = new HttpClient(handler) { BaseAddress = new Uri("http://test") };

        Func<Task> send = () => client.GetStringAsync("/a");

        await send.Should().ThrowAsync<InvalidOperationException>().WithMessage("*VirtualHttpHandler*");
    }

    private static T Run<T>(Func<HttpClient, Task<T>> body, VirtualHttpHandler handler)
    {
        var options = new RunOptions { Clock = VirtualClock.CreateAutojumping(), EscapePolicy = EscapePolicy.Fail };
        return Trio.Run(async () =>
        {
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://shop.test"), Timeout = Timeout.InfiniteTimeSpan };
            return await body(client);
        }, options);
    }
}
