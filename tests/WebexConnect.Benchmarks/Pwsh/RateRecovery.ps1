# After another sender's burst makes the tenant refuse a few requests (429), how long 80 rows take without -Tps and
# the rate the session ends at. Run from the repository's root after a build:
#   dotnet pwsh -NoProfile -File tests/WebexConnect.Benchmarks/Pwsh/RateRecovery.ps1 [-Module path/to/WebexConnect.psd1]
param([string] $Module = './out/WebexConnect/WebexConnect.psd1')
$bench = './tests/WebexConnect.Benchmarks/bin/Release/net10.0/WebexConnect.Benchmarks.dll'
$start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($a in @($bench, 'serve', '--tps', '10')) { $start.ArgumentList.Add($a) }
$start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.UseShellExecute = $false
$server = [System.Diagnostics.Process]::Start($start)
$uri = [uri] $server.StandardOutput.ReadLine()
$env:WEBEXCONNECT_NO_SHARED_TPS = '1'
# Another sender fills the tenant for a few seconds (its own process, at the full TPS).
$flood = Start-Job { param($m, $u) Import-Module $m; Connect-WebexConnect -BaseUri $u -ServiceKey (ConvertTo-SecureString 'other' -AsPlainText -Force) -Tps 10 -NoSharedTps
  1..40 | ForEach-Object { [pscustomobject]@{ Phone = '+4477008{0:D5}' -f $_ } } | Send-ConnectSms -From ACME -Text 'flood' | Out-Null } -ArgumentList (Resolve-Path $Module).Path, $uri
Start-Sleep -Seconds 3
Import-Module $Module
Connect-WebexConnect -BaseUri $uri -ServiceKey (ConvertTo-SecureString 'strict-tenant-key' -AsPlainText -Force)
$t = [Diagnostics.Stopwatch]::StartNew()
$r = 1..80 | ForEach-Object { [pscustomobject]@{ Phone = '+4477009{0:D5}' -f $_ } } | Send-ConnectSms -From ACME -Text 'Hi' -WarningAction SilentlyContinue
"80 rows: {0:0.0} s; {1}; TpsInForce at the end {2}" -f $t.Elapsed.TotalSeconds, (($r | Group-Object Status -NoElement | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '), (Get-ConnectContext).TpsInForce
Invoke-RestMethod ([uri]::new($uri, 'strict/figures')) | Select-Object accepted, refused, mostInOneSecond | Format-List | Out-String
$flood | Wait-Job | Remove-Job
$server.StandardInput.Close(); $server.WaitForExit(5000) | Out-Null
