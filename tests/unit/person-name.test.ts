// Display names reduced to one key (utils/person-name.ts): what a mail page shows must meet
// what the user typed for the contact.
import { describe, expect, it } from 'vitest';
import { displayNameKeys, personNameKey, personNameKeys } from '../../utils/person-name';

describe('personNameKey', () => {
  it('lowercases', () => {
    expect(personNameKey('Ada Lovelace')).toBe('ada lovelace');
    expect(personNameKey('ADA LOVELACE')).toBe('ada lovelace');
    expect(personNameKey('aDa lOvElAcE')).toBe('ada lovelace');
  });

  it('drops diacritics, precomposed or combining', () => {
    expect(personNameKey('Thilde Markström')).toBe('thilde markstrom');
    expect(personNameKey('José García')).toBe('jose garcia');
    expect(personNameKey('Àda Lovelace')).toBe('ada lovelace');
    expect(personNameKey('ÉMILE LOUBET')).toBe('emile loubet');
    // e + U+0301 COMBINING ACUTE ACCENT.
    expect(personNameKey('E\u0301mile Loubet')).toBe('emile loubet');
    expect(personNameKey('Charlotte Brontë')).toBe(personNameKey('Charlotte Bronte'));
    // Compatibility forms fold too (the "ﬁ" ligature).
    expect(personNameKey('ﬁona Smith')).toBe('fiona smith');
  });

  it('keeps letters that are not accented Latin letters', () => {
    expect(personNameKey('Ødegaard')).toBe('ødegaard');
    expect(personNameKey('山田 太郎')).toBe('山田 太郎');
    // Cyrillic with a stress mark (а + U+0301).
    expect(personNameKey('Ива\u0301н Петров')).toBe('иван петров');
  });

  it('collapses extra, leading, trailing and unusual spaces', () => {
    expect(personNameKey('  Ada   Lovelace  ')).toBe('ada lovelace');
    expect(personNameKey('Ada\tLovelace\n')).toBe('ada lovelace');
    // No-break space, zero-width space, em space.
    expect(personNameKey('Ada\u00a0Lovelace')).toBe('ada lovelace');
    expect(personNameKey('Ada\u200bLovelace')).toBe('ada lovelace');
    expect(personNameKey('Ada\u2003\u2003Lovelace')).toBe('ada lovelace');
  });

  it('removes pronouns and notes in brackets', () => {
    expect(personNameKey('Ada Lovelace (she/her)')).toBe('ada lovelace');
    expect(personNameKey('Ada  Lovelace (she/her)')).toBe('ada lovelace');
    expect(personNameKey('[EXT] Ada Lovelace')).toBe('ada lovelace');
    expect(personNameKey('Ada (Countess) Lovelace [External]')).toBe('ada lovelace');
    expect(personNameKey('Ada Lovelace (she/her) [EXT] (Analytical Engines)')).toBe('ada lovelace');
  });

  it('treats other punctuation as a word break', () => {
    expect(personNameKey('Ada_Lovelace')).toBe('ada lovelace');
    expect(personNameKey('Ada.Lovelace')).toBe('ada lovelace');
    expect(personNameKey('"Ada" Lovelace')).toBe('ada lovelace');
    expect(personNameKey('Ada / Lovelace')).toBe('ada lovelace');
    // A comma is a word break too: "Lovelace, Ada" keeps its order here (see personNameKeys).
    expect(personNameKey('Lovelace, Ada')).toBe('lovelace ada');
  });

  it("keeps apostrophes and hyphens inside words, and only there", () => {
    expect(personNameKey("Conan O'Brien")).toBe("conan o'brien");
    expect(personNameKey('Jean-Luc Picard')).toBe('jean-luc picard');
    expect(personNameKey("Mary-Kate O'Neil-Smith")).toBe("mary-kate o'neil-smith");
    // At the edges of a word they are quotes and dashes, not part of the name.
    expect(personNameKey("'Ada' Lovelace")).toBe('ada lovelace');
    expect(personNameKey('-Ada- Lovelace')).toBe('ada lovelace');
    expect(personNameKey('Jean - Luc')).toBe('jean luc');
    expect(personNameKey('Ada Lovelace -- Analyst')).toBe('ada lovelace analyst');
    // Not the same word with the hyphen dropped.
    expect(personNameKey('Jean-Luc')).not.toBe(personNameKey('Jean Luc'));
    expect(personNameKey("O'Brien")).not.toBe(personNameKey('OBrien'));
  });

  it('treats typographic apostrophes and hyphens like the plain ones', () => {
    // Mail clients and phones type smart quotes: the same person either way.
    expect(personNameKey('Conan O\u2019Brien')).toBe("conan o'brien");
    expect(personNameKey('Conan O\u02bcBrien')).toBe("conan o'brien");
    expect(personNameKey('Jean\u2010Luc Picard')).toBe('jean-luc picard');
    // U+2011 NON-BREAKING HYPHEN.
    expect(personNameKey('Jean\u2011Luc Picard')).toBe('jean-luc picard');
    expect(personNameKey('\u2018Ada\u2019 Lovelace')).toBe('ada lovelace');
  });

  it('answers undefined when no letter or digit is left', () => {
    expect(personNameKey(undefined)).toBeUndefined();
    expect(personNameKey('')).toBeUndefined();
    expect(personNameKey('   ')).toBeUndefined();
    expect(personNameKey('---')).toBeUndefined();
    expect(personNameKey("'''")).toBeUndefined();
    expect(personNameKey('.,;:!?')).toBeUndefined();
    expect(personNameKey("- ' -")).toBeUndefined();
    expect(personNameKey('(she/her)')).toBeUndefined();
    expect(personNameKey('[EXT] (she/her)')).toBeUndefined();
    expect(personNameKey('\u0301\u0308')).toBeUndefined();
  });

  it('ignores emoji', () => {
    expect(personNameKey('Ada 🚀 Lovelace')).toBe('ada lovelace');
    expect(personNameKey('🚀Ada Lovelace✨')).toBe('ada lovelace');
    expect(personNameKey('Ada Lovelace 👩🏽‍💻')).toBe('ada lovelace');
    expect(personNameKey('🚀')).toBeUndefined();
    expect(personNameKey('👩🏽‍💻 ✨')).toBeUndefined();
  });

  it('keeps digits', () => {
    expect(personNameKey('Team 42')).toBe('team 42');
    expect(personNameKey('R2-D2')).toBe('r2-d2');
  });

  it('reads at most the first 300 characters of a very long input', () => {
    const key = personNameKey('a'.repeat(100_000));
    expect(key).toBe('a'.repeat(300));
    const words = personNameKey('Ada '.repeat(10_000))!;
    expect(words.length).toBeLessThanOrEqual(300);
    expect(words.split(' ').every((w) => w === 'ada')).toBe(true);
    // What follows the first 300 characters does not count.
    expect(personNameKey(`${'x'.repeat(300)}Lovelace`)).toBe('x'.repeat(300));
    // Cutting an emoji's surrogate pair in half leaves no stray character.
    expect(personNameKey(`${'b'.repeat(299)}🚀🚀`)).toBe('b'.repeat(299));
  });

  it('is idempotent: a key is its own key', () => {
    for (const name of ['Thilde Markström', "Conan O'Brien (he/him)", 'LOVELACE, Ada', 'Jean-Luc  Picard', '山田 太郎']) {
      const key = personNameKey(name)!;
      expect(personNameKey(key), name).toBe(key);
    }
  });
});

describe('personNameKeys', () => {
  it('answers the one key of a name written given name first', () => {
    expect(personNameKeys('Ada Lovelace')).toEqual(['ada lovelace']);
    expect(personNameKeys('Thilde Markström (she/her)')).toEqual(['thilde markstrom']);
  });

  it('answers "Lovelace, Ada" as written and in the given-name-first order', () => {
    expect(personNameKeys('Lovelace, Ada')).toEqual(['lovelace ada', 'ada lovelace']);
    expect(personNameKeys('LOVELACE, Àda')).toEqual(['lovelace ada', 'ada lovelace']);
    expect(personNameKeys('  Lovelace ,  Ada  ')).toEqual(['lovelace ada', 'ada lovelace']);
    expect(personNameKeys('Markström, Thilde (she/her)')).toEqual(['markstrom thilde', 'thilde markstrom']);
    expect(personNameKeys("O'Brien, Conan")).toEqual(["o'brien conan", "conan o'brien"]);
    expect(personNameKeys('de la Cruz, Juana Inés')).toEqual(['de la cruz juana ines', 'juana ines de la cruz']);
  });

  it('only swaps around exactly one comma', () => {
    expect(personNameKeys('Lovelace, Ada, PhD')).toEqual(['lovelace ada phd']);
    expect(personNameKeys('Lovelace Ada')).toEqual(['lovelace ada']);
  });

  it('answers one key when both orders are the same', () => {
    expect(personNameKeys('Ada, Ada')).toEqual(['ada ada']);
  });

  it('leaves out an empty side of the comma', () => {
    expect(personNameKeys('Lovelace,')).toEqual(['lovelace']);
    expect(personNameKeys(', Ada')).toEqual(['ada']);
    expect(personNameKeys('🚀, Ada')).toEqual(['ada']);
  });

  it('answers no key when nothing is left', () => {
    expect(personNameKeys('')).toEqual([]);
    expect(personNameKeys(',')).toEqual([]);
    expect(personNameKeys('---, ...')).toEqual([]);
    expect(personNameKeys('(she/her)')).toEqual([]);
    expect(personNameKeys('🚀')).toEqual([]);
  });

  it('always includes personNameKey of the name as written, first', () => {
    for (const name of ['Ada Lovelace', 'Lovelace, Ada', '[EXT] Hopper, Grace', 'Jean-Luc Picard']) {
      expect(personNameKeys(name)[0], name).toBe(personNameKey(name));
    }
  });

  it('copes with a very long input', () => {
    const keys = personNameKeys(`${'Lovelace '.repeat(5_000)}, Ada`);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(300);
    expect(keys[1]!.startsWith('ada lovelace')).toBe(true);
  });
});

describe('displayNameKeys', () => {
  it('adds the family-name-first key of a name written given name first', () => {
    expect(displayNameKeys('Grace Hopper')).toEqual(['grace hopper', 'hopper grace']);
    expect(displayNameKeys('Ada King Lovelace')).toEqual(['ada king lovelace', 'lovelace ada king']);
    expect(displayNameKeys('Thilde Markström (she/her)')).toEqual(['thilde markstrom', 'markstrom thilde']);
  });

  it('keeps a comma name as personNameKeys reads it, and one word as it is', () => {
    expect(displayNameKeys('Lovelace, Ada')).toEqual(personNameKeys('Lovelace, Ada'));
    expect(displayNameKeys('Ada')).toEqual(['ada']);
    expect(displayNameKeys('🚀')).toEqual([]);
  });
});
