using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebexConnect.Messages;

namespace WebexConnect.Benchmarks
{
    /// <summary>
    /// The command line. Without --endpoint every scenario runs against the loopback sandbox; with it, against
    /// that server (which then really sends: --count is required so nobody sends 100,000 messages by accident).
    /// --tps, --count and --latency-ms override every selected scenario's own setting.
    /// </summary>
    internal sealed class BenchOptions
    {
        public const string Usage =
@"WebexConnect.Benchmarks [options]              run the scenarios and print one summary table
WebexConnect.Benchmarks bench composition [BenchmarkDotNet args]   full BenchmarkDotNet run of composition

  --scenario <names>       comma-separated: composition, throughput, rate, latency, memory, baseline, all
                           (default: all), or pwsh (not in all: the cmdlets in the pinned `dotnet pwsh`, ~5 min),
                           or processes (not in all: two pwsh sharing one tenant's TPS against one, ~3 min)
  --quick                  composition measured in-process only (default in the summary run)
  --endpoint <url>         drive this server instead of the loopback sandbox (needs --count and --tps)
  --service-key <key>      authenticate with a service key
  --service-id <id> --service-secret <base64>   authenticate with an HS256 JWT
  --tps <n>                the tenant's TPS (destinations per second) for every selected scenario
  --count <n>              destinations per scenario
  --channel <sms|email|rcs>  (default: sms)
  --latency-ms <n>         sandbox latency per request for every selected scenario
  --concurrency <n>        requests in flight (DispatchOptions.MaxConcurrentRequests; default: the engine's)
  --allocations            memory scenario: also list the types the client allocates (sampled GC events)
  --help";

        public static readonly string[] AllScenarios = { "composition", "throughput", "rate", "latency", "memory", "baseline" };

        /// <summary>Scenarios run only when named: they drive the real host for minutes.</summary>
        public static readonly string[] NamedOnlyScenarios = { "pwsh", "processes" };

        public IReadOnlyList<string> Scenarios { get; private set; } = AllScenarios;
        public Uri? Endpoint { get; private set; }
        public string? ServiceKey { get; private set; }
        public string? ServiceId { get; private set; }
        public string? ServiceSecret { get; private set; }
        public int? Tps { get; private set; }
        public long? Count { get; private set; }
        public int? LatencyMs { get; private set; }
        public int? Concurrency { get; private set; }
        public MessageChannel Channel { get; private set; } = MessageChannel.Sms;
        public bool ShowHelp { get; private set; }

        /// <summary>List which types the memory scenario's client allocates (AllocationSampler).</summary>
        public bool SampleAllocations { get; private set; }

        /// <summary>Internal: print the scenario's result as one machine-readable line (the memory scenario's child).</summary>
        public bool ReportLine { get; private set; }

        public bool AgainstSandbox => Endpoint is null;

        /// <exception cref="ArgumentException">An option is unknown, lacks its value, or the combination is not usable.</exception>
        public static BenchOptions Parse(IReadOnlyList<string> args)
        {
            var options = new BenchOptions();
            for (var i = 0; i < args.Count; i++)
            {
                var name = args[i];
                switch (name.ToLowerInvariant())
                {
                    case "--help":
                    case "-h":
                    case "-?":
                        options.ShowHelp = true;
                        break;
                    case "--quick":
                        break; // the summary run always measures composition in-process
                    case "--allocations":
                        options.SampleAllocations = true;
                        break;
                    case "--report-line":
                        options.ReportLine = true;
                        break;
                    case "--scenario":
                        options.Scenarios = ParseScenarios(Value(args, ref i, name));
                        break;
                    case "--endpoint":
                        options.Endpoint = ParseUri(Value(args, ref i, name));
                        break;
                    case "--service-key":
                        options.ServiceKey = Value(args, ref i, name);
                        break;
                    case "--service-id":
                        options.ServiceId = Value(args, ref i, name);
                        break;
                    case "--service-secret":
                        options.ServiceSecret = Value(args, ref i, name);
                        break;
                    case "--tps":
                        options.Tps = (int)Positive(Value(args, ref i, name), name, int.MaxValue);
                        break;
                    case "--count":
                        options.Count = Positive(Value(args, ref i, name), name, long.MaxValue);
                        break;
                    case "--latency-ms":
                        options.LatencyMs = (int)NonNegative(Value(args, ref i, name), name);
                        break;
                    case "--concurrency":
                        options.Concurrency = (int)Positive(Value(args, ref i, name), name, 1024);
                        break;
                    case "--channel":
                        options.Channel = ParseChannel(Value(args, ref i, name));
                        break;
                    default:
                        throw new ArgumentException($"Unknown option '{name}'. Try --help.");
                }
            }

            // A child run (the memory scenario) gets credentials from its environment, never its command line.
            if (options.ServiceKey is null && options.ServiceId is null)
            {
                options.ServiceKey = Environment.GetEnvironmentVariable(EndToEnd.BenchCredentials.KeyVariable);
                options.ServiceId = Environment.GetEnvironmentVariable(EndToEnd.BenchCredentials.IdVariable);
                options.ServiceSecret = Environment.GetEnvironmentVariable(EndToEnd.BenchCredentials.SecretVariable);
            }

            options.Check();
            return options;
        }

        private void Check()
        {
            if ((ServiceId is null) != (ServiceSecret is null))
                throw new ArgumentException("--service-id and --service-secret go together.");
            if (ServiceKey is not null && ServiceId is not null)
                throw new ArgumentException("Give either --service-key or --service-id/--service-secret, not both.");
            if (Endpoint is null) return;
            if (ServiceKey is null && ServiceId is null)
                throw new ArgumentException("--endpoint needs --service-key or --service-id/--service-secret.");
            if (Count is null)
                throw new ArgumentException("--endpoint really sends messages: give --count explicitly.");
            // Rates are judged against the tenant's TPS, and the engine must not guess it against a real service.
            if (Tps is null)
                throw new ArgumentException("--endpoint needs --tps: the tenant's limit, that rates are judged against.");
            if (LatencyMs is not null)
                throw new ArgumentException("--latency-ms sets the sandbox's latency; a real endpoint has its own.");
        }

        private static string Value(IReadOnlyList<string> args, ref int i, string name)
        {
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"{name} needs a value.");
            return args[++i];
        }

        private static long Positive(string text, string name, long max)
        {
            if (!long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
                throw new ArgumentException($"{name} must be a whole number from 1 to {max}, not '{text}'.");
            return value;
        }

        private static long NonNegative(string text, string name)
        {
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 600_000)
                throw new ArgumentException($"{name} must be a whole number from 0 to 600000, not '{text}'.");
            return value;
        }

        private static Uri ParseUri(string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException($"--endpoint must be an absolute http(s) URL, not '{text}'.");
            // The engine appends v2/messages to the base; accept the full messages URL too.
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.EndsWith("/v2/messages", StringComparison.OrdinalIgnoreCase))
                uri = new Uri(uri, path.Substring(0, path.Length - "v2/messages".Length));
            return uri;
        }

        private static MessageChannel ParseChannel(string text) => text.ToLowerInvariant() switch
        {
            "sms" => MessageChannel.Sms,
            "email" => MessageChannel.Email,
            "rcs" => MessageChannel.Rcs,
            _ => throw new ArgumentException($"--channel must be sms, email or rcs, not '{text}'."),
        };

        private static IReadOnlyList<string> ParseScenarios(string text)
        {
            var names = text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim().ToLowerInvariant()).ToList();
            var known = AllScenarios.Concat(NamedOnlyScenarios).ToArray();
            var unknown = names.Where(n => n != "all" && !known.Contains(n)).ToList();
            if (unknown.Count > 0 || names.Count == 0)
                throw new ArgumentException($"Unknown scenario '{string.Join(",", unknown)}'; choose from {string.Join(", ", known)}, all.");
            // Keep the canonical order so the table always reads the same.
            return known.Where(n => names.Contains(n) || (names.Contains("all") && AllScenarios.Contains(n))).ToList();
        }
    }
}
