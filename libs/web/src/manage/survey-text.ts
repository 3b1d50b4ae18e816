/** The requester's satisfaction survey (the link in the mail after an assignment), in both languages. */
export const SURVEY_TEXT = {
  da: {
    heading: 'Hvordan gik opgaven?',
    intro: (title: string) => `TaskForce Integration har afsluttet opgaven »${title}«. Vil du fortælle os, om du er tilfreds?`,
    satisfied: 'Er du tilfreds med TaskForce Integrations indsats?',
    yes: 'Ja',
    no: 'Nej',
    comment: 'Kommentar (valgfri)',
    send: 'Send svar',
    thanks: 'Tak for dit svar.',
    answered: 'Undersøgelsen er allerede besvaret. Tak for dit svar.',
    invalid: 'Svar ja eller nej, og skriv højst 2000 tegn.',
    notFound: 'Linket virker ikke. Det kan være skrevet forkert.',
  },
  en: {
    heading: 'How did the assignment go?',
    intro: (title: string) => `TaskForce Integration has completed the assignment “${title}”. Would you tell us whether you are satisfied?`,
    satisfied: "Are you satisfied with TaskForce Integration's work?",
    yes: 'Yes',
    no: 'No',
    comment: 'Comment (optional)',
    send: 'Send answer',
    thanks: 'Thank you for your answer.',
    answered: 'This survey has already been answered. Thank you.',
    invalid: 'Answer yes or no, and write at most 2000 characters.',
    notFound: 'This link does not work. It may be mistyped.',
  },
} as const;
