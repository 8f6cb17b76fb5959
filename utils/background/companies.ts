import { companyKey } from '../company-name';
import type { Company } from '../model/company';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

export interface TargetRequest {
  name: string;
  linkedinSlug?: string;
  target: boolean;
  /** 1 = most wanted; absent = after the current targets. */
  rank?: number;
}

/** A target employer as the settings page lists it. */
export interface TargetCompany {
  name: string;
  key: string;
  rank: number;
  /** Contacts (not archived) whose company is this one. */
  contacts: number;
}

/** Companies and the user's ranked list of target employers ("pick your top five"). */
export function createCompanyService(db: RapportDatabase, now: () => number) {
  return {
    byKey(key: string): Promise<Company | undefined> {
      return db.companies.where('nameKey').equals(key).first();
    },

    /**
     * The ranked target employers, best first, each with how many contacts you have there
     * (archived contacts left out, as on the company's card).
     */
    async targets(): Promise<TargetCompany[]> {
      return db.transaction('r', db.companies, db.contacts, async () => {
        const ranked = await db.companies.where('targetRank').above(0).sortBy('targetRank');
        return Promise.all(
          ranked.map(async (company) => ({
            name: company.name,
            key: company.nameKey,
            rank: company.targetRank!,
            contacts: await db.contacts
              .where('companyKey')
              .equals(company.nameKey)
              .filter((c) => !c.archivedAt)
              .count(),
          })),
        );
      });
    },

    async targetCount(): Promise<number> {
      return db.companies.where('targetRank').above(0).count();
    },

    /** Marks or unmarks a target employer and keeps the ranks 1..N without gaps or ties. */
    async setTarget(request: TargetRequest): Promise<Company> {
      const key = companyKey(request.name);
      if (!key) throw new RequestError('invalid-request', 'A company needs a name.');
      return db.transaction('rw', db.companies, async () => {
        const at = now();
        const existing = await db.companies.where('nameKey').equals(key).first();
        const ranked = (await db.companies.where('targetRank').above(0).sortBy('targetRank')).filter(
          (c) => c.nameKey !== key,
        );
        const company: Company = existing
          ? { ...existing, updatedAt: at }
          : ({ name: request.name, nameKey: key, target: false, notes: '', createdAt: at, updatedAt: at } as Company);
        if (request.linkedinSlug && !company.linkedinSlug) company.linkedinSlug = request.linkedinSlug;
        company.target = request.target;
        if (request.target) {
          const position = Math.min(Math.max((request.rank ?? ranked.length + 1) - 1, 0), ranked.length);
          ranked.splice(position, 0, company);
        } else {
          delete company.targetRank;
        }
        // Renumber every target so ranks stay 1..N.
        for (const [index, c] of ranked.entries()) {
          if (c === company) continue;
          if (c.targetRank !== index + 1) await db.companies.put({ ...c, targetRank: index + 1, updatedAt: at });
        }
        if (request.target) company.targetRank = ranked.indexOf(company) + 1;
        const id = await db.companies.put(company);
        return { ...company, id };
      });
    },
  };
}
export type CompanyService = ReturnType<typeof createCompanyService>;
