import type { PhrasingContent } from 'mdast';
import { slug as githubSlug } from 'github-slugger';
import {
  imageNode,
  mediaNode,
  unresolvedWikiLink,
  type ImageRequest,
  type RenderHooks,
  type WikiLinkRequest,
} from './hooks.ts';
import type { Diagnostic, Era } from './types.ts';
import { safeUrl } from './url.ts';
import { eraUrl } from '../site/paths.ts';

/** Where the site serves what the note links to. Given by the loader. */
export interface LinkOptions {
  /**
   * The URL of an era page, or of an anchor on it.
   * @default `/eras/<slug>/` and `#<anchor>`
   */
  era?: (slug: string, anchor?: string) => string;
  /**
   * The URL of the timeline's index, for `[[This note]]`.
   * @default `/`
   */
  home?: string;
  /**
   * Where other notes live (a Digital Garden or Quartz site): a wiki link to
   * `Other Note` becomes `${wikiBase}other-note`. Without it, such links are
   * marked plain text.
   */
  wikiBase?: string | null;
  /**
   * The URL of another note (`[[Note]]`, `[[Folder/Note#Heading]]`) by the
   * publisher's own rules (src/vault/publishers.ts), or null to leave it
   * plain text. Where given, it decides instead of {@link wikiBase}.
   */
  wikiUrl?: ((note: string, heading: string) => string | null) | null;
  /**
   * Resolves a local image path (relative to the note) to the URL it is
   * served at, null when the file is missing, or why it is not published.
   * Without it, local images are left as written.
   */
  asset?: (path: string) => string | null | { refused: string };
  /**
   * Whether a remote image (`https://…`) may be shown; readers' browsers
   * fetch it from its host. Without it, every http(s) image is shown.
   */
  remoteImage?: (url: URL) => boolean;
}

const defaultEraUrl = (slug: string, anchor?: string) => eraUrl('/', slug, anchor, { encoded: true });

/** Folds a heading or note name for comparison: case, spacing and Markdown `#`s aside. */
function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, ' ');
}

/**
 * The hooks that resolve wiki links and images once every slug and anchor
 * is known: `[[#Heading]]` and `[[This note#Heading]]` go to the era (or the
 * sub-period or entry) the heading names; other notes go to `wikiBase`.
 * What cannot be resolved is marked plain text and a warning.
 */
export function linkHooks(
  eras: readonly Era[],
  noteNames: readonly string[],
  options: LinkOptions,
  warn: (diagnostic: Omit<Diagnostic, 'file'>) => void,
  /** Each footnote's identifier → the slug of the era its definition is in; null for the preface. */
  footnotes: ReadonlyMap<string, string | null> = new Map(),
): RenderHooks {
  const eraUrl = options.era ?? defaultEraUrl;
  const headings = new Map<string, string>();
  const add = (name: string, url: string) => {
    const key = fold(name);
    if (key && !headings.has(key)) headings.set(key, url);
  };
  for (const era of eras) {
    add(era.heading, eraUrl(era.slug));
    add(era.name, eraUrl(era.slug));
  }
  for (const era of eras) {
    for (const item of era.items) {
      if (item.kind === 'subperiod') add(item.heading, eraUrl(era.slug, item.id));
      if (item.kind === 'entry') add(item.title, eraUrl(era.slug, item.id));
    }
  }
  const self = new Set(noteNames.map(fold).filter(Boolean));
  const wikiBase = options.wikiBase
    ? options.wikiBase.endsWith('/')
      ? options.wikiBase
      : `${options.wikiBase}/`
    : null;

  const link = (href: string, alias: string): PhrasingContent => ({
    type: 'link',
    url: href,
    children: [{ type: 'text', value: alias }],
    data: { hProperties: { className: ['wikilink'] } },
  });

  return {
    warn,
    // The definition is shown where it stands (render.ts, footnoteInPlace), with the
    // id `user-content-fn-<id>`: often on another page than the reference, at the note's end.
    footnote({ identifier, label }): PhrasingContent {
      const anchor = `user-content-fn-${encodeURI(identifier.toLowerCase())}`;
      const slug = footnotes.get(identifier);
      const page = slug === undefined ? '' : slug === null ? (options.home ?? '/') : eraUrl(slug);
      return {
        type: 'emphasis',
        data: { hName: 'sup' },
        children: [
          {
            type: 'link',
            url: `${page}#${anchor}`,
            children: [{ type: 'text', value: label }],
            data: { hProperties: { dataFootnoteRef: true } },
          },
        ],
      };
    },

    wikiLink({ target, alias: written, position }: WikiLinkRequest): PhrasingContent {
      const hash = target.indexOf('#');
      const note = (hash === -1 ? target : target.slice(0, hash)).trim();
      const heading =
        hash === -1
          ? ''
          : target
              .slice(hash + 1)
              .replace(/^#+/u, '')
              .trim();
      // Without an alias Obsidian shows `Heading` for `[[#Heading]]`, `Note > Heading` for `[[Note#Heading]]`.
      const alias = written !== target ? written : note && heading ? `${note} › ${heading}` : heading || note;
      const at = position ?? { line: 1, column: 1 };

      if (!note || self.has(fold(note.replace(/\.md$/iu, '')))) {
        const url = heading ? headings.get(fold(heading)) : (options.home ?? '/');
        if (url !== undefined) return link(url, alias);
        warn({
          ...at,
          message: `wiki link [[${target}]] names a heading this note does not have`,
          hint: 'link to an era (`## …`), sub-period (`### …`) or entry title of this note',
        });
        return unresolvedWikiLink(alias);
      }
      if (options.wikiUrl) {
        const url = options.wikiUrl(note, heading);
        const href = url ? safeUrl(url) : null;
        if (href) return link(href, alias);
      } else if (wikiBase) {
        const path = note
          .replace(/\.md$/iu, '')
          .split('/')
          .map((segment) => encodeURIComponent(githubSlug(segment) || segment))
          .join('/');
        const anchor = heading ? `#${encodeURIComponent(githubSlug(heading))}` : '';
        const href = safeUrl(`${wikiBase}${path}${anchor}`);
        if (href) return link(href, alias);
      }
      warn({
        ...at,
        message: `wiki link [[${target}]] points at another note, shown as plain text`,
        hint: options.wikiUrl
          ? 'your wikiLinks rule gave no URL for this note'
          : 'set WIKI_BASE_URL to the site where your other notes are published (Digital Garden, Quartz) to link them',
      });
      return unresolvedWikiLink(alias);
    },

    image({ url, kind = 'image', alt, title, width, height, position }: ImageRequest): PhrasingContent {
      const at = position ?? { line: 1, column: 1 };
      if (/^[a-z][a-z0-9+.-]*:|^\/\//iu.test(url)) {
        const safe = safeUrl(url);
        if (safe && /^https?:/iu.test(safe) && URL.canParse(safe)) {
          if (!options.remoteImage || options.remoteImage(new URL(safe))) {
            return imageNode(safe, alt, title, width, height);
          }
          warn({
            ...at,
            message: `remote image ${url.slice(0, 60)} is not shown: remote images are blocked (REMOTE_IMAGES=block)`,
            hint: 'save the image into the vault and embed the file, or build without REMOTE_IMAGES=block',
          });
          return missingImage(alt || url);
        }
        warn({
          ...at,
          message: `image ${url.slice(0, 60)} has an unsafe address and is not shown`,
          hint: 'images may be http(s) URLs or files beside the note',
        });
        return missingImage(alt || url);
      }
      if (!options.asset) return imageNode(url, alt, title, width, height);
      let path = url;
      try {
        path = decodeURI(url);
      } catch {
        // A stray `%` is part of the file name.
      }
      const served = options.asset(path);
      if (typeof served === 'string') return mediaNode(served, kind, alt, title, width, height);
      if (served) {
        warn({
          ...at,
          message: `${path} ${served.refused}; it is not published`,
          hint: 'only images, audio, video and PDF files inside the vault are published with the note',
        });
        return missingImage(alt || path);
      }
      warn({
        ...at,
        message:
          kind === 'image'
            ? `image ${path} was not found beside the note or in its attachments folder`
            : `file ${path} was not found in the vault`,
        hint: 'put the file next to the note or in its `attachments` folder, or fix the name',
      });
      return missingImage(alt || path);
    },
  };
}

/** A visible placeholder where an image is missing. */
function missingImage(label: string): PhrasingContent {
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['image-missing'] } },
    children: [{ type: 'text', value: `[${label}]` }],
  };
}
