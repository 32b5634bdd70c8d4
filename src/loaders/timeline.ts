import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { registerMedia } from '../integrations/media.ts';
import { discardSite } from '../integrations/staging.ts';
import { findMedia, openVault, type MediaLookup, type Vault } from '../vault/media.ts';
import { findVaultRoot, isInside } from '../vault/root.ts';
import { noteFinder } from '../vault/notes.ts';
import { publisherRule, type Publisher, type WikiLinkRule } from '../vault/publishers.ts';
// The parser's modules one by one, not its index: the index loads every format's reader.
import { formatDiagnostic, TimelineError } from '../timeline/errors.ts';
import { countLine } from '../timeline/explain.ts';
import type { LinkOptions } from '../timeline/links.ts';
import { readNote } from '../timeline/read.ts';
import { readerFor, type TimelineReader } from '../timeline/reader.ts';
import type { Timeline } from '../timeline/types.ts';
import { readEnv } from '../site/env.ts';
import { eraUrl, pathWithBase, withTrailingSlash } from '../site/paths.ts';
import { buildPageForm, buildRoute, pagePath } from '../site/route.ts';
import { devError, setDevError, setDevRecords, type DevRecord } from './dev-state.ts';

/** Options of {@link timelineLoaders}. */
export interface TimelineLoaderOptions {
  /**
   * The note to build: a path, absolute or relative to the project root; a
   * Markdown note, or a Markwhen file (`.mw`).
   * @default `TIMELINE_NOTE` (src/site/env.ts), else `content/llm-history.md`
   */
  note?: string;
  /**
   * Where the author's other notes are published (Digital Garden, Quartz):
   * `[[Other note]]` links to this URL plus the note's slug.
   * @default `WIKI_BASE_URL` (src/site/env.ts), else other notes are marked plain text
   */
  wikiBase?: string;
  /**
   * How `[[Other note]]` and `[[Folder/Note#Heading]]` become URLs: by the
   * rules of the publisher at {@link wikiBase} (`digital-garden`, `quartz`:
   * the note is found in the vault as Obsidian finds it, and placed where
   * that publisher serves it), or a function of the linked note.
   * @default `WIKI_LINKS`, else `wikiBase` plus each folder and the name as GitHub slugs
   */
  wikiLinks?: Publisher | WikiLinkRule;
  /**
   * The folder whose files the note may embed. Only files inside it (their
   * real paths) are published.
   * @default `TIMELINE_VAULT`, else the nearest folder above the note holding `.obsidian/`, else the note's folder
   */
  vault?: string;
  /**
   * The largest file of the vault published with the note, in bytes.
   * @default `MEDIA_MAX_MB` megabytes, else 25 MB
   */
  maxMediaBytes?: number;
  /**
   * Remote images (`https://…`): `allow` shows them (readers' browsers fetch
   * them from their hosts, which the build lists); `block` refuses them.
   * @default `REMOTE_IMAGES`, else `allow`
   */
  remoteImages?: 'allow' | 'block';
}

/** Other notes' URLs by `rule`, each note found in the note's vault (src/vault/notes.ts). */
function wikiUrlIn(vault: Vault, rule: WikiLinkRule): (note: string, heading: string) => string | null {
  const find = noteFinder(vault.root);
  return (note, heading) => rule(find(note, heading));
}

/** What each collection's loader stores. */
type Collection = 'eras' | 'entries' | 'note';

/**
 * Loaders for the three collections that one note fills: `eras`, `entries`
 * and `note` (its metadata and preface). They share one parse per version
 * of the note, and skip even that when the note's digest has not changed
 * since the data store was last written.
 */
export function timelineLoaders(options: TimelineLoaderOptions = {}): Record<Collection, Loader> {
  const env = readEnv();
  const notePath = options.note ?? env.note;
  if (!notePath.trim()) throw new Error('timelineLoaders: `note` is empty; give the path of a Markdown note');
  const cache = new Map<string, Promise<Parsed>>();

  /** Parses the note once per content digest, for all three collections. */
  const wikiBase = options.wikiBase ?? env.wikiBaseUrl ?? null;
  const wikiLinks = options.wikiLinks ?? env.wikiLinks;
  if (typeof wikiLinks === 'string' && !wikiBase)
    throw new Error(
      `timelineLoaders: wikiLinks "${wikiLinks}" needs the address of that site: set WIKI_BASE_URL (or the \`wikiBase\` option)`,
    );
  const wikiRule = typeof wikiLinks === 'string' ? publisherRule(wikiLinks, wikiBase!) : (wikiLinks ?? null);
  const parse = (
    source: string,
    digest: string,
    label: string,
    base: string,
    vault: Vault,
    remoteImages: 'allow' | 'block',
  ): Promise<Parsed> => {
    let parsed = cache.get(digest);
    if (!parsed) {
      const wikiUrl = wikiRule ? wikiUrlIn(vault, wikiRule) : null;
      parsed = readerFor(label).then((read) =>
        readWithMedia(read, source, label, base, { wikiBase, wikiUrl }, vault, remoteImages),
      );
      cache.clear();
      cache.set(digest, parsed);
    }
    return parsed;
  };

  const loader = (collection: Collection): Loader => ({
    name: `timeline-${collection}`,
    load: async (context) => {
      const { config, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const filePath = isAbsolute(notePath) ? notePath : resolve(root, notePath);
      const fromRoot = relative(root, filePath).split('\\').join('/');
      // Messages name the note as the author typed it: relative inside the project.
      const label = fromRoot && !fromRoot.startsWith('../') ? fromRoot : filePath;

      const vault = vaultOf(filePath, options.vault ?? env.vault, options.maxMediaBytes ?? env.maxMediaBytes);
      const remoteImages = options.remoteImages ?? env.remoteImages;

      /** Loads the note into this collection; false when its digest says nothing changed. */
      const sync = async (): Promise<boolean> => {
        const source = await readNote(filePath, label);
        // The timeline's own base: the site's, and the integration's route under it.
        const base = pathWithBase(withTrailingSlash(config.base), buildRoute());
        const digest = context.generateDigest(
          [
            source,
            PARSER_FINGERPRINT,
            label,
            base,
            buildPageForm(),
            wikiBase,
            String(wikiLinks),
            vault.root,
            vault.maxBytes,
            remoteImages,
          ].join('\u0000'),
        );
        if (context.meta.get('digest') === digest && context.store.keys().length > 0) {
          // The files the kept pages point at must still be published, and be what they were.
          const kept = JSON.parse(context.meta.get('media') ?? '[]') as Array<[string, string | null]>;
          if (await sameMedia(vault, kept, base)) {
            logger.debug(`${label} unchanged; ${collection} kept`);
            if (collection === 'note') {
              // Kept data, same words: an unchanged note says what it said when it was read.
              for (const line of JSON.parse(context.meta.get('warnings') ?? '[]') as string[]) logger.warn(line);
              logger.info(context.meta.get('counts') ?? '');
            }
            return false;
          }
        }
        const { timeline, media, remoteHosts } = await parse(source, digest, label, base, vault, remoteImages);
        if (collection === 'note') {
          for (const warning of timeline.warnings) logger.warn(formatDiagnostic(warning));
          if (remoteHosts.length) {
            logger.info(
              `remote images: readers' browsers will load images from ${remoteHosts.length} other host(s): ${remoteHosts.join(', ')} (REMOTE_IMAGES=block refuses them)`,
            );
          }
          context.meta.set('warnings', JSON.stringify(timeline.warnings.map(formatDiagnostic)));
          const counts = `${label}: ${countLine(timeline)}`;
          logger.info(counts);
          context.meta.set('counts', counts);
        }
        await store(collection, timeline, context, label, digest);
        context.meta.set('media', JSON.stringify(media));
        context.meta.set('digest', digest);
        return true;
      };

      try {
        await sync();
      } catch (error) {
        if (error instanceof TimelineError && error.code === 'unpublished') {
          const removed = discardSite();
          if (removed)
            logger.warn(`removed the previous site in ${removed}: nothing of an unpublished note is left to deploy`);
        }
        throw error;
      }
      watcher?.add(filePath);
      // One save at a time, in the order they came: a slow parse of an earlier save must
      // never land after a later one (the store would keep the older note).
      let queue: Promise<void> = Promise.resolve();
      watcher?.on('change', (changed) => {
        if (resolve(changed) !== filePath) return;
        queue = queue.then(onSave);
      });
      const onSave = async (): Promise<void> => {
        try {
          await settled(filePath);
          const parsed = await sync();
          if (collection !== 'note') return;
          logger.info(parsed ? `${label} reloaded` : `${label} unchanged, not parsed again`);
          if (devError()) {
            setDevError(null);
            // A write to the store reloads the open page, even when the fix restored the last good text.
            context.meta.set('error', '');
          }
        } catch (error) {
          // Dev keeps the last good timeline, but pages show the error (Astro's
          // overlay) until a save fixes it; the next save retries.
          if (collection !== 'note') return;
          const hint = error instanceof TimelineError && error.hint ? `\n  hint: ${error.hint}` : '';
          logger.error(`${error instanceof Error ? error.message : String(error)}${hint}`);
          setDevError(error);
          context.meta.set('error', String(Date.now()));
        }
      };
    },
  });

  return { eras: loader('eras'), entries: loader('entries'), note: loader('note') };
}

/**
 * Waits until a file being saved stops changing: an editor that truncates and
 * then writes fires a change for the empty file first, and a large note takes
 * a moment to write. Two equal looks 25 ms apart, for at most a second.
 */
async function settled(file: string): Promise<void> {
  const look = () => {
    try {
      const info = statSync(file);
      return `${info.size}:${info.mtimeMs}`;
    } catch {
      return 'missing';
    }
  };
  let last = look();
  for (let waited = 0; waited < 1000; waited += 25) {
    await new Promise((done) => setTimeout(done, 25));
    const now = look();
    if (now === last && now !== 'missing' && !now.startsWith('0:')) return;
    last = now;
  }
}

/**
 * Replaces a collection's records with the note's. Every record takes the
 * note's digest: the store is cleared and rewritten whenever the note
 * changes, so a digest per record (a hash of each record's JSON, 10,000 of
 * them for a long note) would buy nothing. Only the `note` record names the
 * file: the others come from it too, and repeating its path in each bloats
 * the data store that the build bundles.
 */
async function store(
  collection: Collection,
  timeline: Timeline,
  context: LoaderContext,
  filePath: string,
  digest: string,
): Promise<void> {
  const { store, parseData } = context;
  // Only `astro dev` watches: its pages read the records from here too (see dev-state.ts).
  const dev = context.watcher !== undefined;
  const records = toRecords(collection, timeline);
  store.clear();
  // Astro takes only paths inside the project; a note from elsewhere has none.
  const where = collection === 'note' && !isAbsolute(filePath) ? { filePath } : {};
  const stored: DevRecord[] = [];
  for (const { id, data } of records) {
    const parsed = await parseData({ id, data, ...where });
    store.set({ id, data: parsed, digest, ...where });
    if (dev) stored.push({ id, collection, data: parsed });
  }
  if (dev) setDevRecords(collection, stored);
}

/** The rows one collection holds. Linear in the note's size. */
function toRecords(collection: Collection, timeline: Timeline): Array<{ id: string; data: Record<string, unknown> }> {
  if (collection === 'note') {
    const { publish: _publish, ...meta } = timeline.meta;
    return [
      {
        id: 'note',
        data: { ...meta, file: timeline.file, preface: timeline.preface, warningCount: timeline.warnings.length },
      },
    ];
  }
  if (collection === 'eras') {
    return timeline.eras.map(({ slug, items, ...era }) => ({
      id: slug,
      data: {
        ...era,
        entryCount: items.filter((item) => item.kind === 'entry').length,
        items: items.map((item) => (item.kind === 'entry' ? { kind: 'entry', id: item.id, group: item.group } : item)),
      },
    }));
  }
  const rows: Array<{ id: string; data: Record<string, unknown> }> = [];
  for (const era of timeline.eras) {
    let subperiod: string | null = null;
    for (const item of era.items) {
      if (item.kind === 'subperiod') subperiod = item.id;
      if (item.kind !== 'entry') continue;
      // Where the entry stands in the note matters to the parser's messages, not to any page.
      const { kind: _kind, id, position: _position, ...entry } = item;
      rows.push({ id, data: { ...entry, era: era.slug, order: rows.length, subperiod } });
    }
  }
  return rows;
}

/**
 * Changes with the parser's source, so that a data store written by an older
 * parser is not mistaken for an up-to-date one.
 */
const PARSER_FINGERPRINT = (() => {
  try {
    const dir = fileURLToPath(new URL('../timeline/', import.meta.url));
    const hash = createHash('sha1');
    for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(resolve(dir, name)));
    hash.update(readFileSync(fileURLToPath(import.meta.url)));
    return hash.digest('hex');
  } catch {
    return String(Date.now()); // Bundled elsewhere: never trust an old store.
  }
})();

/** A parse, with the vault files it publishes and the hosts its remote images come from. */
interface Parsed {
  timeline: Timeline;
  /** Each file path as the note wrote it, with the site path it is published at (null: refused or missing). */
  media: Array<[string, string | null]>;
  remoteHosts: string[];
}

/**
 * Reads the note with its files vetted. Vetting reads each file's bytes
 * (async: file-type), and the parser asks for files while it renders
 * (sync); so a note that embeds files is read twice: once to learn which
 * files it names, once with every one of them vetted.
 */
async function readWithMedia(
  read: TimelineReader,
  source: string,
  label: string,
  base: string,
  {
    wikiBase,
    wikiUrl,
  }: { wikiBase: string | null; wikiUrl: ((note: string, heading: string) => string | null) | null },
  vault: Vault,
  remoteImages: 'allow' | 'block',
): Promise<Parsed> {
  const vetted = new Map<string, MediaLookup>();
  const wanted = new Set<string>();
  const hosts = new Set<string>();
  // Page links as the site writes them; the site's own root (base without the route) stays as it is.
  const form = buildPageForm();
  const root = base.slice(0, base.length - buildRoute().length);
  const links: LinkOptions = {
    home: pagePath(base, form, root),
    era: (slug, anchor) => pagePath(eraUrl(base, slug, anchor, { encoded: true }), form, root),
    wikiBase,
    wikiUrl,
    asset: (path) => {
      if (!vetted.has(path)) {
        wanted.add(path);
        return null;
      }
      const found = vetted.get(path);
      if (!found) return null;
      if ('refused' in found) return found;
      return pathWithBase(base, registerMedia(found.media));
    },
    remoteImage: (url) => {
      hosts.add(url.host);
      return remoteImages === 'allow';
    },
  };
  let timeline = read(source, { file: label, links });
  if (wanted.size) {
    for (const path of wanted) vetted.set(path, await findMedia(vault, path));
    hosts.clear();
    timeline = read(source, { file: label, links });
  }
  const media: Array<[string, string | null]> = [...vetted].map(([path, found]) => [
    path,
    found && 'media' in found ? pathWithBase(base, registerMedia(found.media)) : null,
  ]);
  return { timeline, media, remoteHosts: remoteImages === 'allow' ? [...hosts].sort() : [] };
}

/** Whether every file a kept build published is still there, vetted, with the same content; registers them again. */
async function sameMedia(vault: Vault, kept: Array<[string, string | null]>, base: string): Promise<boolean> {
  for (const [path, published] of kept) {
    const found = await findMedia(vault, path);
    const now = found && 'media' in found ? pathWithBase(base, registerMedia(found.media)) : null;
    if (now !== published) return false;
  }
  return true;
}

/** The note's vault: the option's folder (which must hold the note), else found from `.obsidian/`. */
function vaultOf(notePath: string, option: string | undefined, maxBytes: number): Vault {
  let noteDir: string;
  try {
    // The note's real folder: a note reached through a link lives where its file is.
    noteDir = dirname(realpathSync(notePath));
  } catch {
    noteDir = dirname(notePath);
  }
  if (!option) return openVault(findVaultRoot(resolve(noteDir, 'note')), noteDir, maxBytes);
  let root: string;
  try {
    root = realpathSync(resolve(option));
  } catch {
    throw new Error(`timelineLoaders: the vault folder ${option} (TIMELINE_VAULT) does not exist`);
  }
  if (!isInside(root, noteDir)) {
    throw new Error(`timelineLoaders: the vault folder ${option} (TIMELINE_VAULT) does not hold the note ${notePath}`);
  }
  return openVault(root, noteDir, maxBytes);
}
