import type { TimeSlicer } from './steps.ts';

/**
 * Feeds `take` every line of a text stream, with a turn of the event loop whenever the slice is
 * used up: the reading loop of the line-layout files (the release snapshot, the search
 * documents), whose per-line parsers differ. Returns false as soon as `take` refuses a line, or
 * when the first line grows past `firstLineLimit` (a whole-file document, not the layout); the
 * last line needs no trailing newline.
 */
export async function takeLinesInSlices(
  chunks: AsyncIterable<string>,
  take: (line: string) => boolean,
  slicer: TimeSlicer,
  firstLineLimit: number,
): Promise<boolean> {
  let taken = 0;
  let rest = '';
  for await (const chunk of chunks) {
    let text = rest + chunk;
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      if (!take(text.slice(from, nl))) return false;
      taken++;
      from = nl + 1;
      if (slicer.due()) {
        // Give the rest of the process its turn; keep only the unread text meanwhile.
        text = text.slice(from);
        from = 0;
        await slicer.pause();
      }
    }
    rest = text.slice(from);
    if (taken === 0 && rest.length > firstLineLimit) return false;
  }
  return rest === '' || take(rest);
}

/** One entry of a list in the layout: its value, and whether another follows (a trailing comma); null when not JSON. */
export function parseItemLine(line: string): { item: unknown; more: boolean } | null {
  const more = line.endsWith(',');
  try {
    return { item: JSON.parse(more ? line.slice(0, -1) : line), more };
  } catch {
    return null;
  }
}
