import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { StanceError } from '@stance/schema';
import { writeFileAtomic } from '@stance/store';
import { renderHtml } from './render-html.ts';
import type { BenchReport } from './report.ts';

/** Name of the page `--html DIR` writes. */
export const HTML_REPORT_FILE = 'index.html';

/**
 * Write the HTML report (and the JSON it came from, `report.json`) into `dir`, creating the folder; each file is
 * replaced atomically, so a reader never sees half a page. Returns the page's path.
 */
export function writeHtmlReport(dir: string, report: BenchReport, name: string = dir): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StanceError(`cannot create the report folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      where: name,
    });
  }
  const page = join(dir, HTML_REPORT_FILE);
  try {
    writeFileAtomic(page, renderHtml(report));
    writeFileAtomic(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    throw new StanceError(`cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      where: name,
    });
  }
  return page;
}
