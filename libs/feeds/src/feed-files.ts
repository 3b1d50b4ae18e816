import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import type { Language } from '@mangfold/common';
import { feedPath, type FeedRef } from './feed-keys';

/**
 * With FEEDS_DIR set, every published feed is also written there as a static file for a web server
 * or CDN, laid out like the URLs: `calendar.ics`, `calendar/districts/noerrebro.ics`, and the English
 * version beside it as `….en.ics`. Files are replaced atomically (write, then rename).
 */
@Injectable()
export class FeedFiles {
  private readonly logger = new Logger('FeedFiles');

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.feeds.dir);
  }

  /** Where a feed's file lives, relative to FEEDS_DIR. */
  static relativePath(ref: FeedRef, lang: Language): string {
    const path = feedPath(ref).slice(1);
    return lang === 'da' ? path : path.replace(/\.ics$/, `.${lang}.ics`);
  }

  /** Writes each feed and, beside it, its gzip (`….ics.gz`, for a server's precompressed files). */
  async write(ref: FeedRef, snapshots: { lang: Language; body: Buffer; gzip: Buffer }[]): Promise<void> {
    const dir = this.config.feeds.dir;
    if (!dir) return;
    for (const { lang, body, gzip } of snapshots) {
      const target = join(dir, FeedFiles.relativePath(ref, lang));
      await this.replace(target, body);
      await this.replace(`${target}.gz`, gzip);
    }
  }

  private async replace(target: string, bytes: Buffer): Promise<void> {
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      this.logger.error(`cannot write ${target}: ${(error as Error).message}`);
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async remove(ref: FeedRef, langs: Language[]): Promise<void> {
    const dir = this.config.feeds.dir;
    if (!dir) return;
    for (const lang of langs) {
      const target = join(dir, FeedFiles.relativePath(ref, lang));
      for (const file of [target, `${target}.gz`]) {
        await rm(file, { force: true }).catch((error: Error) => this.logger.error(`cannot remove a feed file: ${error.message}`));
      }
    }
  }
}
