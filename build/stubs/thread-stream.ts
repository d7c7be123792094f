/**
 * Stands in for `thread-stream` in the Lambda bundle. pino loads it at start-up for transports (log
 * shipping in a worker thread), which the Lambda never uses: it logs synchronously to stdout. Leaving
 * it out shortens the cold start; using a transport by mistake fails loudly.
 */
export default class ThreadStream {
  constructor() {
    throw new Error('pino transports are not bundled into the rootwatch Lambda');
  }
}
