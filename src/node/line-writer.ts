/**
 * Log lines gathered and written once per turn of the event loop: under load one write carries
 * many requests' lines instead of one each (writing to a pipe or a file is synchronous in Node,
 * one system call a write). Whatever is still gathered when the process exits is written then.
 */

export interface LineWriter {
  write(line: string): void;
  /** Writes what is gathered now. */
  flush(): void;
}

export function createLineWriter(out: (text: string) => void = (text) => void process.stdout.write(text)): LineWriter {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    out(text);
  };
  process.once('exit', flush);
  return {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
