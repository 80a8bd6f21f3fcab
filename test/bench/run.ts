// `npm run bench`: figures printed beside a baseline measured in the same run, never asserted in tests.
import { keystrokeBench } from './keystroke.bench.ts';
import { scoreBench } from './scoring.bench.ts';
import { webLoadBench } from './web-load.bench.ts';

await scoreBench();
await keystrokeBench();
await webLoadBench();
