// A separate Node process that joins a PostgreSQL event bus (tests): `node --import tsx bus-process.ts URL SCHEMA
// TOPIC`. It prints `ready` once it listens, then one JSON line per event received; on a line `publish TOPIC TYPE
// ID` on stdin it publishes. Ends when stdin closes.
import { createInterface } from 'node:readline';
import { openDatabase } from '@labmig/db';
import { systemClock } from '../../shared/clock.ts';
import { createLogger } from '../../app/logger.ts';
import { createPostgresEventBus } from '../postgres-event-bus.ts';

const [url, schema, topic] = process.argv.slice(2) as [string, string, string];
const db = openDatabase({ kind: 'postgres', url, schema });
const bus = createPostgresEventBus(db, { url, schema }, systemClock, createLogger('silent'));
bus.subscribe([topic], { onEvent: (event) => process.stdout.write(JSON.stringify(event) + '\n') });
await bus.listener()?.ready;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, publishTopic, type, id] = line.split(' ');
  if (command === 'publish') await bus.publish(publishTopic!, type!, { id: id! });
}
await bus.close();
await db.destroy();
