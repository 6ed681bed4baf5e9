import { mergeConfig } from 'vitest/config';
import base from './vite.config.js';

// Mutation testing reruns the covering tests once per mutant: re-importing every module for every test file made
// that import time, not the tests, most of a run. The tests keep no state between files that would need isolation.
export default mergeConfig(base, { test: { isolate: false } });
