import type { IsoDate } from '../../content/index.ts';
import { searchDocumentSchema } from '../../content/search/document-schema.ts';
import type { SearchDocument } from '../../content/search/documents.ts';
import type { FacetName, SearchType } from '../../content/search/settings.ts';
import { type PreparedDocument, SEARCH_FIELDS, type SearchField } from './corpus.ts';
import { FLAG } from './corpus-file.ts';

/**
 * A prebuilt corpus's documents (corpus-file.ts), made real only when something reads them: a
 * query at scale touches a few thousand of 82,000 documents' texts and ranks them by type and
 * flags, but shows ten. So the loader creates these small objects only, and each one
 *
 * - answers `type`, `acceptingDonations`, `overdue` and `keyCounty` (what ranking reads for every
 *   match) from the file's columns, without parsing anything;
 * - parses its JSON from `search-documents.json`, checked with the same zod schema as every other
 *   reader, the first time any other field is read (a hit's title, URL, excerpt);
 * - decodes its folded texts (what matching reads) and facet values on first use.
 */
export interface CorpusStore {
  documents: Buffer;
  lineStarts: Uint32Array;
  lineEnds: Uint32Array;
  kinds: Uint8Array;
  flags: Uint8Array;
  textStarts: Uint32Array;
  texts: Buffer;
  facetStarts: Uint32Array;
  facetRefs: Uint32Array;
  types: readonly SearchType[];
  facets: readonly FacetName[];
  facetValues: readonly (readonly string[])[];
  /** The error for a document whose JSON does not fit the schema (corpus-load.ts words it). */
  invalid: (index: number, message: string) => Error;
}

function parseDocument(store: CorpusStore, index: number): SearchDocument {
  const text = store.documents.toString('utf8', store.lineStarts[index], store.lineEnds[index]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw store.invalid(index, (error as Error).message);
  }
  const parsed = searchDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw store.invalid(index, `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export class StoredDocument implements SearchDocument {
  #full: SearchDocument | null = null;
  constructor(
    private readonly store: CorpusStore,
    private readonly index: number,
  ) {}

  private full(): SearchDocument {
    this.#full ??= parseDocument(this.store, this.index);
    return this.#full;
  }
  private flag(bit: number): boolean {
    return ((this.store.flags[this.index] ?? 0) & bit) !== 0;
  }

  get type(): SearchType {
    return this.store.types[this.store.kinds[this.index] ?? -1] ?? this.full().type;
  }
  get acceptingDonations(): boolean | null {
    return this.flag(FLAG.acceptingNull) ? null : this.flag(FLAG.accepting);
  }
  get overdue(): boolean | undefined {
    return this.flag(FLAG.overduePresent) ? this.flag(FLAG.overdue) : undefined;
  }
  get keyCounty(): boolean {
    return this.flag(FLAG.keyCounty);
  }
  get id(): string {
    return this.full().id;
  }
  get slug(): string {
    return this.full().slug;
  }
  get url(): string {
    return this.full().url;
  }
  get title(): string {
    return this.full().title;
  }
  get summary(): string {
    return this.full().summary;
  }
  get body(): string {
    return this.full().body;
  }
  get keywords(): string[] {
    return this.full().keywords;
  }
  get province(): string[] {
    return this.full().province;
  }
  get region(): string[] {
    return this.full().region;
  }
  get targetGroup(): string[] {
    return this.full().targetGroup;
  }
  get serviceType(): string[] {
    return this.full().serviceType;
  }
  get status(): string | null {
    return this.full().status;
  }
  get charity(): string[] {
    return this.full().charity;
  }
  get project(): string | null {
    return this.full().project;
  }
  get projectSlug(): string | null {
    return this.full().projectSlug;
  }
  get publishedOn(): IsoDate {
    return this.full().publishedOn;
  }
  get typeRank(): number {
    return this.full().typeRank;
  }
  /** The plain document (JSON.stringify and spreading see no getters). */
  toJSON(): SearchDocument {
    return this.full();
  }
}

export class StoredPreparedDocument implements PreparedDocument {
  readonly doc: StoredDocument;
  #text: Record<SearchField, string> | null = null;
  #facets: Partial<Record<FacetName, string[]>> | null = null;
  constructor(
    private readonly store: CorpusStore,
    private readonly index: number,
  ) {
    this.doc = new StoredDocument(store, index);
  }

  get text(): Record<SearchField, string> {
    if (!this.#text) {
      const { textStarts, texts } = this.store;
      const base = this.index * SEARCH_FIELDS.length;
      const text = {} as Record<SearchField, string>;
      for (const [f, field] of SEARCH_FIELDS.entries()) {
        const from = textStarts[base + f] ?? 0;
        const to = textStarts[base + f + 1] ?? from;
        text[field] = texts.toString('utf16le', from * 2, to * 2);
      }
      this.#text = text;
    }
    return this.#text;
  }

  get facets(): Partial<Record<FacetName, string[]>> {
    if (!this.#facets) {
      const { facetStarts, facetRefs, facets, facetValues } = this.store;
      const out: Partial<Record<FacetName, string[]>> = {};
      for (let r = facetStarts[this.index] ?? 0; r < (facetStarts[this.index + 1] ?? 0); r++) {
        const ref = facetRefs[r] ?? 0;
        const facet = facets[ref >>> 24];
        const value = facetValues[ref >>> 24]?.[ref & 0xffffff];
        if (facet === undefined || value === undefined) continue;
        const list = out[facet] ?? [];
        list.push(value);
        out[facet] = list;
      }
      this.#facets = out;
    }
    return this.#facets;
  }
}
