/** One event for the alert bus: its `DetailType`, its detail, and the idempotency key consumers use. */
interface Alert {
  detailType: string;
  detail: { eventId: string } & Record<string, unknown>;
}

/** Where alerts go: the EventBridge alert bus in AWS, a readable printer locally. */
interface AlertSink {
  /**
   * Resolves once every alert is accepted; rejects if any could not be. `signal`: the caller's time
   * budget; once it fires no attempt is made or continued.
   */
  send(alerts: readonly Alert[], options?: { signal?: AbortSignal }): Promise<void>;
}

export type { Alert, AlertSink };
