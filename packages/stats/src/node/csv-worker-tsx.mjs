// Starts the CSV worker from its TypeScript source (tests and development; the built CLI uses dist/csv-worker.js).
import { register } from 'tsx/esm/api';

register();
await import('./csv-worker.ts');
