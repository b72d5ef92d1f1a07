/**
 * Sampled conformance for Switchboard: the messages of a few probe connections are checked
 * against the spec with the generated `validateServerMessage`. A benchmark that makes a server
 * cut corners on the protocol would otherwise look like a win. Off for the baselines, which do
 * not claim to follow the spec.
 */

/** @typedef {{ type: string, pointer: string, message: string }} Violation */

export class Probe {
  checked = 0;
  violations = 0;
  /** @type {Violation[]} first few, for the report */
  examples = [];
  /** @type {((input: unknown) => { ok: boolean, error?: { pointer: string, message: string } }) | null} */
  #validate = null;

  async init() {
    const protocol = await import('../../generated/dist/index.js');
    this.#validate = protocol.validateServerMessage;
  }

  /** @param {string} text one frame */
  check(text) {
    if (!this.#validate) return;
    /** @type {any} */
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      this.#record('(not JSON)', '', text.slice(0, 80));
      return;
    }
    this.checked += 1;
    const result = this.#validate(message);
    if (!result.ok) this.#record(String(message?.type), result.error?.pointer ?? '', result.error?.message ?? '');
  }

  /**
   * @param {string} type
   * @param {string} pointer
   * @param {string} message
   */
  #record(type, pointer, message) {
    this.violations += 1;
    if (this.examples.length < 5 && !this.examples.some((e) => e.type === type && e.pointer === pointer)) this.examples.push({ type, pointer, message });
  }

  summary() {
    return { checked: this.checked, violations: this.violations, examples: this.examples };
  }
}
