/**
 * `npm run bench`: runs every benchmark and prints each figure against its budget (GUIDE §6).
 * `npm run bench -- store` runs only the benchmarks whose name contains "store".
 */
import { cpus, loadavg } from 'node:os';
import type { BenchResult } from './types';

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

const benches: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'store', load: () => import('./storeBench') },
  { name: 'context', load: () => import('./contextBench') },
  { name: 'import', load: () => import('./importBench') },
  { name: 'journal', load: () => import('./journalBench') },
  { name: 'journalRetrieval', load: () => import('./retrievalBench') },
  { name: 'journalEmbeddings', load: () => import('./embeddingsBench') },
  { name: 'streaming', load: () => import('./streamingBench') },
  { name: 'ui', load: () => import('./uiBench') },
  { name: 'localModel', load: () => import('./localModelBench') },
];

/**
 * The machine's size and load, printed once before any group runs: on a busy machine every
 * wall-clock figure includes time other processes took.
 */
function reportMachine(): void {
  const load = loadavg();
  const count = cpus().length;
  console.log(`machine: ${count} CPUs, load ${load.map((l) => l.toFixed(1)).join(' ')}`);
  if (load[0] > count) {
    console.warn(
      `machine load ${load[0].toFixed(1)} on ${count} CPUs: wall-clock figures include time other processes took.`,
    );
  }
}

async function main(): Promise<void> {
  const filter = process.argv.slice(2);
  reportMachine();
  const results: BenchResult[] = [];
  for (const bench of benches) {
    if (filter.length && !filter.some((word) => bench.name.includes(word))) continue;
    process.stdout.write(`running ${bench.name}…\n`);
    try {
      const module = await bench.load();
      results.push(...(await module.run()));
    } catch (error) {
      console.error(`${bench.name} failed:`, error);
      results.push({
        name: `${bench.name} (failed to run)`,
        value: NaN,
        unit: '',
        budget: NaN,
        kind: 'max',
        pass: false,
      });
    }
  }
  printTable(results);
  process.exitCode = results.every((entry) => entry.pass) ? 0 : 1;
}

/** Prints a Markdown table, ready to paste into the README. */
function printTable(results: BenchResult[]): void {
  console.log('\n| what | result | budget | |');
  console.log('|---|---|---|---|');
  for (const entry of results) {
    const budget = `${entry.kind === 'max' ? '≤' : '≥'} ${entry.budget} ${entry.unit}`;
    console.log(
      `| ${entry.name} | ${entry.value} ${entry.unit} | ${budget} | ${entry.pass ? 'pass' : 'FAIL'} |`,
    );
  }
}

void main();
