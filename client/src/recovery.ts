/**
 * What to do when the language server dies: restart it, and tell the user
 * once. A server that keeps dying (more than `maxRestarts` times within
 * `windowMs`) is left stopped, with one message that offers a manual restart.
 * Never a dialog per crash.
 *
 * Pure: no `vscode` import; languageServer.ts maps the verdicts to the language
 * client's CloseAction and shows the messages.
 */
export interface RecoveryVerdict {
  restart: boolean;
  /** `restarted`: the first automatic restart of this session; `gave-up`: stopped for good. Absent: say nothing. */
  tell?: 'restarted' | 'gave-up';
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private toldRestart = false;
  private toldGaveUp = false;

  constructor(private readonly maxRestarts = 4, private readonly windowMs = 3 * 60 * 1000) {}

  /**
   * The server's connection closed at `now` (ms); `starting`: before the server ever ran. Such a server is started
   * again like any other, but nothing is said of it until it is given up ("restarted" would tell of a server the
   * user never had; the first crash of one that ran is still told).
   */
  closed(now: number, starting = false): RecoveryVerdict {
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.maxRestarts) {
      const tell = this.toldGaveUp ? undefined : 'gave-up';
      this.toldGaveUp = true;
      return { restart: false, tell };
    }
    if (starting) return { restart: true };
    const tell = this.toldRestart ? undefined : 'restarted';
    this.toldRestart = true;
    return { restart: true, tell };
  }

  /** A manual restart starts a fresh count (and may tell again if it fails again). */
  reset(): void {
    this.crashes.length = 0;
    this.toldGaveUp = false;
  }
}
