using System;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Net.Sockets;
using System.Security;
using WebexConnect.Receipts;
using WebexConnect.Sending;

namespace WebexConnect.Commands
{
    /// <summary>
    /// Start-ConnectReceiptListener: receives delivery-receipt webhooks in the background on this computer
    /// (loopback unless another address is asked for) and keeps them for Wait-ConnectDelivery.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ConnectReceiptListener", DefaultParameterSetName = PortSet, SupportsShouldProcess = true)]
    [OutputType(typeof(ConnectReceiptListener))]
    public sealed class StartConnectReceiptListenerCommand : PSCmdlet
    {
        private const string PortSet = "Port";
        private const string PrefixSet = "Prefix";

        /// <summary>The TCP port; 0 (the default) picks a free one.</summary>
        [Parameter(Position = 0, ParameterSetName = PortSet)]
        [WholeNumberArgument("Port")]
        [ValidateRange(0, 65535)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int Port { get; set; }

        /// <summary>The address to listen on: 127.0.0.1 unless you ask for another (an IP address of this computer, 0.0.0.0 for all IPv4 ones, or :: for all IPv4 and IPv6 ones).</summary>
        [Parameter(ParameterSetName = PortSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ListenerAddressCompleter))]
        public string Address { get; set; } = "127.0.0.1";

        /// <summary>A URL prefix to listen on, such as http://127.0.0.1:8080/receipts/ (its host must be an IP address or localhost).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PrefixSet, HelpMessage = "The URL to listen on, e.g. http://127.0.0.1:8080/receipts/.")]
        [ValidateNotNull]
        [WildcardPrefixArgument]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public Uri? Prefix { get; set; }

        /// <summary>The webhook secret: receipts without a matching x-hub-signature are refused.</summary>
        [Parameter]
        [ValidateNotNull]
        [SecureStringArgument("Secret", "WebexWebhookSecret")]
        [ValidateWebhookSecret]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public SecureString? Secret { get; set; }

        /// <summary>How many receipts to keep (the oldest are forgotten first).</summary>
        [Parameter]
        [WholeNumberArgument("Capacity")]
        [ValidateRange(1, 10_000_000)]
        [ArgumentCompleter(typeof(NoFileNameCompleter))]
        public int Capacity { get; set; } = 100_000;

        /// <inheritdoc />
        protected override void BeginProcessing() => DebugSwitch.Apply(this);

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            ReceiptListenerOptions options;
            try
            {
                options = Prefix is null ? FromPort() : FromPrefix(Prefix);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "InvalidListenerAddress", ErrorCategory.InvalidArgument, (object?)Prefix ?? Address));
                return;
            }

            var where = "http://" + options.Host + ":" + (options.Port == 0 ? "(a free port)" : options.Port.ToString(CultureInfo.InvariantCulture)) + options.Path;
            if (!ShouldProcess(where, "Listen for delivery receipts")) return;

            IReceiptListener listener;
            try
            {
                listener = EngineLoader.Shared.StartReceiptListener(options);
            }
            catch (SocketException ex)
            {
                // A listener whose variable is gone (its script ended) still holds the port, and only this session can free it.
                var mine = options.Port == 0 ? null : RunningListeners.OnPort(options.Port);
                var hint = mine is null ? WhatToChange(ex.SocketErrorCode, options)
                    : $" A receipt listener this PowerShell session started at {mine.StartedAt:HH:mm:ss} still listens there ({mine.Url}): " +
                      $"stop it with Stop-ConnectReceiptListener {mine.Url}, or Remove-Module WebexConnect, which stops every listener the module started.";
                // No inner SocketException: its message is in this one, and Get-Error would print its stack trace under an
                // error the message already explains (a port in use, an address not this computer's).
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"Cannot listen on {where}: {ex.Message}.{hint}"),
                    "ListenerStartFailed", ErrorCategory.ResourceUnavailable, where));
                return;
            }
            catch (ConnectionConfigurationException ex)
            {
                ThrowTerminatingError(ex.ToErrorRecord(null));
                return;
            }
            // Only once it listens: before, an address not of this computer warned "other computers can reach it", then failed.
            if (!IPAddress.IsLoopback(options.Address))
            {
                WriteWarning($"Listening on {Written(options.Address)}: other computers can reach it." +
                    (Secret is null ? " Give -Secret so that only signed receipts are accepted." : string.Empty));
            }
            WriteVerbose($"Listening for delivery receipts at {listener.Url}; give it as -NotifyUrl.");
            var started = new ConnectReceiptListener(listener, Secret != null, DateTimeOffset.Now);
            RunningListeners.Add(started, Runspace.DefaultRunspace);
            WriteObject(started);
        }

        /// <summary>
        /// What to change when the socket refused, in words an admin acts on: the system's own text ("Cannot assign requested
        /// address", "An attempt was made to access a socket in a way forbidden by its access permissions") named neither
        /// the address nor the port at fault.
        /// </summary>
        private static string WhatToChange(SocketError error, ReceiptListenerOptions options)
        {
            var port = options.Port.ToString(CultureInfo.InvariantCulture);
            return error switch
            {
                SocketError.AddressAlreadyInUse =>
                    $" Another program listens on port {port}: give another port, or -Port 0 (the default) for a free one.",
                SocketError.AddressNotAvailable =>
                    $" {options.Address} is not an address of this computer: give one it has (Get-NetIPAddress on Windows, ip address on Linux), " +
                    "127.0.0.1 (the default) for this computer only, or 0.0.0.0 for all of its addresses.",
                SocketError.AccessDenied =>
                    $" This account may not listen on port {port}: ports below 1024 need administrator rights on Linux and macOS, and Windows " +
                    "keeps some port ranges for itself (netsh interface ipv4 show excludedportrange protocol=tcp). Give another port, or -Port 0 for a free one.",
                _ => string.Empty,
            };
        }

        private ReceiptListenerOptions FromPort()
        {
            var address = ParseAddress(Address);
            return new ReceiptListenerOptions
            {
                Address = address,
                Host = HostFor(address, Address),
                Port = Port,
                Secret = Secret,
                Capacity = Capacity,
            };
        }

        private ReceiptListenerOptions FromPrefix(Uri prefix)
        {
            if (!prefix.IsAbsoluteUri || prefix.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"-Prefix {prefix}: give an absolute http:// URL such as http://127.0.0.1:8080/receipts/ (put TLS in front with a reverse proxy).");
            var host = prefix.Host.Trim('[', ']');
            var address = ParseAddress(host);
            var path = prefix.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? prefix.AbsolutePath : prefix.AbsolutePath + "/";
            return new ReceiptListenerOptions
            {
                Address = address,
                Host = HostFor(address, host),
                Port = prefix.IsDefaultPort ? 80 : prefix.Port,
                Path = path,
                Secret = Secret,
                Capacity = Capacity,
            };
        }

        private static IPAddress ParseAddress(string text)
        {
            if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
            if (IPAddress.TryParse(text, out var address)) return address;
            throw new ArgumentException($"{text} is not an IP address: give 127.0.0.1 (the default), localhost, an IP address of this computer, or 0.0.0.0 for all of them.");
        }

        /// <summary>
        /// The address as a sentence shows it: an IPv6 one in brackets, as in a URL ("Listening on :::" read as a typo), and
        /// the any-addresses ones saying what they take.
        /// </summary>
        private static string Written(IPAddress address) =>
            address.Equals(IPAddress.IPv6Any) ? "[::] (every IPv4 and IPv6 address of this computer)"
            : address.Equals(IPAddress.Any) ? "0.0.0.0 (every IPv4 address of this computer)"
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]"
            : address.ToString();

        /// <summary>The host for the URL: the address as given, or this computer's name when listening on all addresses.</summary>
        private static string HostFor(IPAddress address, string given) =>
            address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
            : string.Equals(given, "localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : address.ToString();
    }
}
