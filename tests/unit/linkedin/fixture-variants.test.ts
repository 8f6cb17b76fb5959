// @vitest-environment happy-dom
// Every fixture variant (tests/fixtures/linkedin/variants.json) read by the adapter: the
// right subject, each field from the expected layer, and a result valid under the contract.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLinkedInUrl } from '../../../utils/linkedin/page-url';
import { readProfileIdentity, revealedSlug } from '../../../utils/linkedin/profile-identity';
import { readLinkedInPage } from '../../../utils/linkedin/read-page';
import { PageContext } from '../../../utils/model/page-context';

interface Variant {
  id: string;
  file: string;
  url: string;
  era: string;
  expect: Record<string, unknown> & { kind: string | null; missing?: string[]; special?: string };
}

const dir = resolve(import.meta.dirname, '../../fixtures/linkedin');
const { variants } = JSON.parse(readFileSync(resolve(dir, 'variants.json'), 'utf8')) as { variants: Variant[] };
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');

describe.each(variants)('$id — $era', (variant) => {
  const doc = load(variant.file);
  const page = classifyLinkedInUrl(variant.url);

  it('is recognised from its URL', () => {
    expect(page).not.toBeNull();
  });

  it('identifies the subject, each field from its layer', () => {
    const reading = readLinkedInPage(doc, page!);
    const want = variant.expect;
    if (want.kind === null) {
      expect(reading.context).toBeNull();
      const slug = page!.type === 'profile' ? page!.slug : revealedSlug(doc)!;
      expect(readProfileIdentity(doc, slug).special).toBe(want.special);
      return;
    }
    const context = reading.context!;
    expect(context.kind).toBe(want.kind);
    expect(context.slug).toBe(want.slug);
    expect(reading.confirmed).toBe(true);
    for (const field of ['name', 'headline', 'company', 'title', 'location'] as const) {
      const expected = want[field] as [string, string] | undefined;
      const actual = (context as Record<string, unknown>)[field];
      if (expected) {
        expect({ field, value: actual, source: context.sources[field] }).toEqual({
          field,
          value: expected[0],
          source: expected[1],
        });
      } else if (context.kind === 'linkedin-profile' && want.missing?.includes(field)) {
        expect(actual, field).toBeUndefined();
      }
    }
    expect([...context.missing].sort()).toEqual([...(want.missing ?? [])].sort());
    expect(PageContext.safeParse(context).success).toBe(true);
  });
});

describe('in-app navigation onto a fixture', () => {
  it('never reads the previous person from a page whose title is still theirs', () => {
    // Katherine's markup has arrived, but the title still names Ada.
    const doc = load('in/katherine-johnson-5c6d7e.html');
    doc.title = '(3) Ada Lovelace | LinkedIn';
    const reading = readLinkedInPage(doc, classifyLinkedInUrl('https://www.linkedin.com/in/katherine-johnson-5c6d7e/')!, {
      staleTitle: '(4) Ada Lovelace | LinkedIn',
    });
    expect(reading.context).toMatchObject({ name: 'Katherine Johnson', sources: { name: 'dom-hook' } });
    expect(reading.confirmed).toBe(true);
  });

  it('waits (unconfirmed) while the 2024 markup still shows the previous person', () => {
    const doc = load('in/grace-hopper-3d4e5f.html');
    const reading = readLinkedInPage(doc, classifyLinkedInUrl('https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/')!, {
      staleTitle: doc.title,
    });
    expect(reading.confirmed).toBe(false);
    // Ada's mini profile from Grace's side panel names her; nothing of Grace's is taken.
    expect(reading.context).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'embedded-data' } });
    expect(JSON.stringify(reading.context)).not.toContain('Grace');
    expect(JSON.stringify(reading.context)).not.toContain('US Navy');
  });
});
