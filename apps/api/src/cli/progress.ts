import type { Progress } from '../modules/org/import/csv.ts';

const LABEL: Record<Progress['phase'], string> = {
  reading: 'lezen',
  checking: 'controleren',
  writing: 'schrijven',
  done: 'klaar',
};

/** A progress bar on a terminal; on a pipe, a line every 10 %. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = '';
  let lastTenth = -1;
  let lastPhase = '';
  return (p: Progress) => {
    const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
    const percent = Math.round(fraction * 100);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const line = `${LABEL[p.phase].padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%`;
      if (line !== lastLine) stream.write(`\r${line}`);
      lastLine = line;
      if (p.phase === 'done') stream.write('\n');
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (p.phase !== lastPhase || tenth !== lastTenth) {
      stream.write(`${LABEL[p.phase]} ${percent}%\n`);
      lastPhase = p.phase;
      lastTenth = tenth;
    }
  };
}
