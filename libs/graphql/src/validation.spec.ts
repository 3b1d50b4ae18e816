import { textProblem } from './validation';

describe('textProblem', () => {
  it.each([
    ['plain Danish', 'Fællesspisning på Nørrebro'],
    ['tabs and line breaks', 'line one\r\nline two\tindented'],
    ['emoji (surrogate pairs)', 'Holi 🎉🇩🇰'],
    ['right-to-left text and marks', 'عيد الفطر \u200f\u202Eabc\u202C'],
    ['markup', '<b>bold</b> & "quoted"'],
  ])('accepts %s', (_, text) => expect(textProblem(text)).toBeUndefined());

  it.each([
    ['U+0000', 'a\u0000b', 'must not contain control characters'],
    ['BEL and ESC', 'a\u0007\u001b', 'must not contain control characters'],
    ['DEL', 'a\u007f', 'must not contain control characters'],
    ['a C1 control', 'a\u0085', 'must not contain control characters'],
    ['a lone high surrogate', 'a\ud83cb', 'is not valid Unicode text'],
    ['a lone low surrogate', 'a\udf89', 'is not valid Unicode text'],
    ['a high surrogate at the end', 'a\ud83c', 'is not valid Unicode text'],
  ])('refuses %s', (_, text, problem) => expect(textProblem(text)).toBe(problem));
});
