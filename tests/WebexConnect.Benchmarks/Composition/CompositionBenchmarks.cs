using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WebexConnect.Benchmarks.Composition
{
    /// <summary>
    /// BenchmarkDotNet over a 1000-destination personalised SMS batch. OperationsPerInvoke makes every figure
    /// per destination. In-process toolchain: no generated project to build on a shared machine.
    /// </summary>
    [Config(typeof(Config))]
    public class CompositionBenchmarks
    {
        private BatchComposition _composition = null!;

        [GlobalSetup]
        public void Setup() => _composition = new BatchComposition();

        [Benchmark(Baseline = true, OperationsPerInvoke = BatchComposition.Destinations,
            Description = "Shape + body (byte[]) per destination")]
        public int ShapeAndBody() => _composition.ShapeAndBody();

        [Benchmark(OperationsPerInvoke = BatchComposition.Destinations, Description = "Body into reused buffer per destination")]
        public int BodyIntoReusedBuffer() => _composition.BodyIntoReusedBuffer();

        [Benchmark(OperationsPerInvoke = BatchComposition.Destinations, Description = "Recipient from row values per destination")]
        public int RecipientsFromRows() => _composition.RecipientsFromRows();

        private sealed class Config : ManualConfig
        {
            public Config()
            {
                AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
                AddDiagnoser(MemoryDiagnoser.Default);
                // Reports go beside the binaries (ignored by git), not into the source folder.
                ArtifactsPath = System.IO.Path.Combine(System.AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
            }
        }
    }
}
