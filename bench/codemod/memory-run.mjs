// One contender over the corpus in a process of its own, for bench/codemod's peak memory:
// `node memory-run.mjs <contender> <files>`. Loads only that contender's code, runs it over every
// file once, and prints one JSON line with the peak RSS (the high-water mark, not a sample).
import { loadCorpus } from '../lint/corpus.mjs';
import { CONTENDERS } from './contenders.mjs';

const [name, limit] = process.argv.slice(2);
if (!name || !(name in CONTENDERS)) throw new Error(`usage: memory-run.mjs <${Object.keys(CONTENDERS).join('|')}> <files>`);
const corpus = await loadCorpus(Number(limit));
const run = await CONTENDERS[name]();
const beforeRssMb = process.memoryUsage().rss / 2 ** 20;
let failed = 0;
for (const file of corpus) if (run(file).failed) failed++;
console.log(JSON.stringify({ name, files: corpus.length, failed, loadedRssMb: beforeRssMb, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
