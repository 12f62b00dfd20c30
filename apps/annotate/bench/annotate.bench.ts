// `pnpm bench:annotate`: start-up, keystroke-to-frame latency and memory of the annotation UI on generated corpora of
// 1,000 and 100,000 sentences. Ink draws only the final frame when CI is set, so CI is cleared before Ink loads.
delete process.env['CI'];
const { runBench } = await import('./run-bench.tsx');
await runBench(process.argv.slice(2));
