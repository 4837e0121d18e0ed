using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebexConnect.Sandbox.Host
{
    /// <summary>
    /// A Kestrel server on 127.0.0.1 for the test servers here: large bodies allowed, no minimum data rate (a slow
    /// test client is not cut off), no Server header, no logging.
    /// </summary>
    internal static class LoopbackKestrel
    {
        /// <param name="handler">Answers every request.</param>
        /// <param name="port">0 for a free port.</param>
        /// <returns>The started app and the port it listens on.</returns>
        public static async Task<(WebApplication App, int Port)> StartAsync(RequestDelegate handler, int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
                kestrel.Limits.MinRequestBodyDataRate = null;
                kestrel.AddServerHeader = false;
            });
            var app = builder.Build();
            app.Run(handler);
            await app.StartAsync().ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return (app, new Uri(address).Port);
        }
    }
}
