import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
const url = process.argv[2];
const h = await openDatabase({ url });
console.time('migrate');
console.log(await migrate(h.db));
console.timeEnd('migrate');
console.log(await migrate(h.db));
await h.close();
