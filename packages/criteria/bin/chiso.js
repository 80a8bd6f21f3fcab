#!/usr/bin/env node
// The `chiso` command. The CLI is TypeScript run as it is: tsx is registered first, then the CLI is
// imported (dynamically, since static imports would load before the registration).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run();
