import type { Alert, AlertSink } from './alert-sink.ts';

/**
 * Prints alerts as a SOC analyst would read them: the local stand-in for the alert bus. How an
 * alert reads is the caller's (e.g. detection/formats/finding-text.ts): sinks know no findings.
 */
class ConsoleAlertSink implements AlertSink {
  readonly #print: (text: string) => void;
  readonly #render: (alert: Alert) => string;

  constructor(print: (text: string) => void, render: (alert: Alert) => string) {
    this.#print = print;
    this.#render = render;
  }

  async send(alerts: readonly Alert[]): Promise<void> {
    for (const alert of alerts) this.#print(this.#render(alert));
  }
}

export { ConsoleAlertSink };
