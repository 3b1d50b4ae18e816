import { LANGUAGES, Language, acceptedLanguage, parseLanguage } from './language';

describe('Language', () => {
  it('is da and en', () => {
    expect(LANGUAGES).toEqual(['da', 'en']);
    expect(Language.DA).toBe('da');
  });

  it('reads ?lang= in any case; absent or blank is the fallback', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage(' EN ')).toBe('en');
    expect(parseLanguage('da')).toBe('da');
    expect(parseLanguage(undefined)).toBe('da');
    expect(parseLanguage('')).toBe('da');
    expect(parseLanguage('', Language.EN)).toBe('en');
  });

  it('gives undefined for anything else, for the route to refuse or fall back', () => {
    expect(parseLanguage('fr')).toBeUndefined();
    expect(parseLanguage(['en'])).toBeUndefined();
    expect(parseLanguage('english')).toBeUndefined();
  });

  it('takes the first language it speaks from Accept-Language', () => {
    expect(acceptedLanguage('fr-FR, en-GB;q=0.8, da;q=0.5')).toBe('en');
    expect(acceptedLanguage('da-DK')).toBe('da');
    expect(acceptedLanguage('fr, de')).toBeUndefined();
    expect(acceptedLanguage(undefined)).toBeUndefined();
  });
});
