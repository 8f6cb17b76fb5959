// JSON-LD on logged-out public pages: `{"@graph": [{"@type": "Person", …}]}`.
import { cleanText, jsonBlocks } from './page-data';
import { META } from './selectors';

type Node = Record<string, unknown>;

const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Every JSON-LD node of the document, flattened out of `@graph`s; malformed blocks are skipped. */
export function jsonLdNodes(doc: Document): Node[] {
  const nodes: Node[] = [];
  for (const data of jsonBlocks(doc, META.jsonLd)) {
    const stack = Array.isArray(data) ? [...data] : [data];
    while (stack.length) {
      const node = stack.shift();
      if (!node || typeof node !== 'object') continue;
      const graph = (node as Node)['@graph'];
      if (Array.isArray(graph)) stack.push(...graph);
      else nodes.push(node as Node);
    }
  }
  return nodes;
}

const isType = (node: Node, type: string) => {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
};

export interface JsonLdPerson {
  url?: string;
  name?: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
}

export function jsonLdPersons(doc: Document): JsonLdPerson[] {
  return jsonLdNodes(doc)
    .filter((node) => isType(node, 'Person'))
    .map((node) => {
      const address = first(node.address) as Node | undefined;
      const worksFor = first(node.worksFor) as Node | undefined;
      const location = [cleanText(address?.addressLocality), cleanText(address?.addressCountry)].filter(Boolean).join(', ');
      return {
        url: cleanText(node.url) ?? cleanText(node.sameAs),
        name: cleanText(node.name),
        headline: cleanText(node.description),
        title: cleanText(first(node.jobTitle)),
        company: cleanText(worksFor?.name),
        location: location || undefined,
      };
    });
}

export function jsonLdOrganization(doc: Document): { name?: string; url?: string } | undefined {
  const node = jsonLdNodes(doc).find((n) => isType(n, 'Organization') || isType(n, 'Corporation'));
  return node ? { name: cleanText(node.name), url: cleanText(node.url) } : undefined;
}
