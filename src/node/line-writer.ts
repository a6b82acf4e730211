/**
 * Log lines gathered and written together: every 16 KB or 100 ms, whichever comes first. Writing
 * to a pipe or a file is synchronous in Node, one system call a write, so under load one write
 * carries a few hundred requests' lines instead of one each. Whatever is still gathered when the
 * process exits is written then; a process killed outright loses at most 100 ms of lines.
 */

export interface LineWriter {
  write(line: string): void;
  /** Writes what is gathered now. */
  flush(): void;
}

export interface LineWriterOptions {
  out?: (text: string) => void;
  /** Gathered characters that trigger a write. */
  maxPending?: number;
  /** Longest a line waits. */
  maxDelayMs?: number;
}

export function createLineWriter(options: LineWriterOptions = {}): LineWriter {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const maxPending = options.maxPending ?? 16 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 100;
  let pending: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    size = 0;
    out(text);
  };
  process.once('exit', flush);
  return {
    write(line) {
      pending.push(line);
      size += line.length + 1;
      if (size >= maxPending) flush();
      // Unref'd: waiting log lines never keep the process alive; exit writes them.
      else if (!timer) timer = setTimeout(flush, maxDelayMs).unref();
    },
    flush,
  };
}
