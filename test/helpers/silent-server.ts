import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A TCP server that accepts every connection, reads what it is sent and never answers: a service
 * that hangs. For the services whose local implementation has no fault injection (DynamoDB with
 * dynalite, S3 with s3rver).
 */
const startSilentServer = async (): Promise<{
  url: string;
  /** Connections accepted so far. */
  connections: () => number;
  stop: () => Promise<void>;
}> => {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
};

/** Whether `promise` settled within `ms` (a bound on a hang, not a speed check), and how. */
const settlesWithin = async <T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ settled: false } | { settled: true; value?: T; error?: unknown }> => {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  const outcome = promise.then(
    (value) => ({ settled: true as const, value }),
    (error: unknown) => ({ settled: true as const, error }),
  );
  try {
    return await Promise.race([outcome, pending]);
  } finally {
    clearTimeout(timer);
  }
};

export { startSilentServer, settlesWithin };
