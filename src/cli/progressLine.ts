// A progress line on stderr: rewritten in place on a terminal, printed at most once a second elsewhere (CI logs).

export interface ProgressLine {
  update(message: string): void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressLine {
  let lastPrinted = 0;
  let shown = false;
  return {
    update(message) {
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${message.slice(0, (stream.columns ?? 80) - 1)}`);
        shown = true;
      } else if (now() - lastPrinted >= 1000) {
        stream.write(`${message}\n`);
        lastPrinted = now();
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
