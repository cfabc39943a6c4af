/** An app on a real loopback port (as main.ts serves it), for tests through Node's own fetch and sockets. */
import type { AddressInfo } from 'node:net';
import { defaultConfig, type Config } from '../../src/config.js';
import type { App } from '../../src/server/app.js';
import { createHttpServer } from '../../src/server/http.js';

export interface Listening {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function listenApp(app: App, http: Config['http'] = defaultConfig().http): Promise<Listening> {
  const server = createHttpServer(app, http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
